/** 承诺达标合格证 (commitment-to-compliance certificates): issue, void and public lookup by number. */
package cn.xianglian.app.certificate;
