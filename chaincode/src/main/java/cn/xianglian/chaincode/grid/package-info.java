/**
 * The grid governance contract {@code grid} (网格化治理): a thin Fabric contract over the pure {@code
 * grid.domain}, with state access ({@code GridStore}) for grids, workers, catalogues, events and
 * their indexes, and the private collection for workers' and reporters' personal data. Specified in
 * docs/contract-grid.md.
 */
package cn.xianglian.chaincode.grid;
