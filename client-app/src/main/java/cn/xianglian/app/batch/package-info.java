/**
 * Batches: creation, events (planting, input use, inspection, harvest, packing, retail), split,
 * merge, transform, shipping and receiving, and the public history, trace and queries.
 */
package cn.xianglian.app.batch;
