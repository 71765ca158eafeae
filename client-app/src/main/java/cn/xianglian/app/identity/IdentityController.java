package cn.xianglian.app.identity;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.cert.X509Certificate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the logged-in user is and which ledger identity it signs as. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "登录用户与链上身份 — the caller and its ledger identity")
class IdentityController {

  /** The caller: user name, display name, wallet label, MSP and certificate subject. */
  @Schema(description = "当前用户 — the logged-in user and its signing identity")
  record Me(String username, String displayName, String identity, String mspId, String subject) {}

  private final CallerIdentities callers;
  private final UserDirectory users;

  IdentityController(CallerIdentities callers, UserDirectory users) {
    this.callers = callers;
    this.users = users;
  }

  @GetMapping("/me")
  @Operation(summary = "当前用户 — who am I", security = @SecurityRequirement(name = "basic"))
  Me me() {
    Identity identity = callers.writer();
    String username = CallerIdentities.currentUser().orElseThrow();
    String displayName =
        users.find(username).map(UserDirectory.UserEntry::displayName).orElse(username);
    X509Certificate certificate = Identities.readCertificate(identity.certificatePem());
    return new Me(
        username,
        displayName,
        identity.label(),
        identity.mspId(),
        certificate.getSubjectX500Principal().getName());
  }
}
