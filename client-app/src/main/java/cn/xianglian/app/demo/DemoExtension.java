package cn.xianglian.app.demo;

/**
 * A further demo dataset of a feature (e.g. party affairs), loaded after the main dataset on every
 * start that finds the main dataset loaded. Each extension keeps its own marker and loads once.
 */
public interface DemoExtension {

  /**
   * Loads the dataset unless its marker says it is loaded; ids are client-chosen, so resuming is
   * harmless.
   */
  void load();
}
