// Pins Hyperledger Fabric v3.1.5 (commit 86c1172bec37e6590c6b1ae6f847833df48d65fc) for 'xl-network install'.
// The module path has no /v3 suffix, so the commit is named by its pseudo-version.
module xianglian.local/fabric-tools

go 1.26.4

require github.com/hyperledger/fabric v1.4.0-rc1.0.20260618074816-86c1172bec37
