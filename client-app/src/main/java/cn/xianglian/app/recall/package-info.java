/** Risk warnings, recalls propagating to descendant batches, and recall handling. */
package cn.xianglian.app.recall;
