package cn.xianglian.qr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the QR service: issuance, labels, resolution and scan analytics over the ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QrServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(QrServiceApplication.class, args);
  }
}
