/**
 * Producers (家庭农场, 合作社, 企业): registration with personal data kept off the public ledger, and
 * lookup.
 */
package cn.xianglian.app.producer;
