package cn.xianglian.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the XiangLian REST API. */
@SpringBootApplication
public class XiangLianApplication {

  public static void main(String[] args) {
    SpringApplication.run(XiangLianApplication.class, args);
  }
}
