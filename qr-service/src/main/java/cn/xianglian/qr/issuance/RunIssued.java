package cn.xianglian.qr.issuance;

/** Published after a run is recorded, so caches that know the lot's runs refresh at once. */
public record RunIssued(CodeRun run) {}
