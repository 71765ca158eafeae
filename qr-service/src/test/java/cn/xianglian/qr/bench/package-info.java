/** Quick measurements run by hand (not tests): see qr-service/README.md for the command. */
package cn.xianglian.qr.bench;
