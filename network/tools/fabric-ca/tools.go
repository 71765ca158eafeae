//go:build tools

// Package tools lists the Fabric CA commands that 'xl-network install' builds; it is never compiled.
package tools

import (
	_ "github.com/hyperledger/fabric-ca/cmd/fabric-ca-client"
	_ "github.com/hyperledger/fabric-ca/cmd/fabric-ca-server"
)
