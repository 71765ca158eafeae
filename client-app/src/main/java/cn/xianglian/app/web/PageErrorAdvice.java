package cn.xianglian.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the pages as pages (the API's advice answers JSON problems for everything else). */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

  @ExceptionHandler(PageException.class)
  String page(PageException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("messageKey", e.messageKey());
    return "error-page";
  }

  @ExceptionHandler(AccessDeniedException.class)
  String denied(Model model, HttpServletResponse response) {
    return page(
        new PageException(org.springframework.http.HttpStatus.FORBIDDEN, "page.denied"),
        model,
        response);
  }
}
