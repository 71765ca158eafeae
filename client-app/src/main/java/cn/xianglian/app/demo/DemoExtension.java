package cn.xianglian.app.demo;

/**
 * Demo data of a feature that lives outside the main demo file (e.g. the grid events, generated).
 * The demo loader calls every extension after its own steps, on the first start and on every later
 * start, so an extension keeps its own marker of having finished.
 */
public interface DemoExtension {

  /** Loads the feature's demo data through the ledger, unless it is loaded already. */
  void load();
}
