package cn.xianglian.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (Spring Security handles its POST, with the CSRF token the form carries). */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
