package cn.xianglian.app.demo;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo dataset file ({@code classpath:demo/xifeng-demo.json}): users to enroll and the
 * transactions to submit, in order, each as one of the users.
 */
record DemoData(List<User> users, List<Step> steps) {

  /** A demo login and the identity it acts as. */
  record User(
      String username,
      String password,
      String displayName,
      String identity,
      String mspId,
      Map<String, String> attrs) {}

  /**
   * One transaction: who submits it, the contract ({@code trace} unless the step names another,
   * e.g. {@code finance}), the transaction and its argument.
   */
  record Step(
      String as, String contract, String tx, JsonNode arg, Map<String, JsonNode> transient_) {}
}
