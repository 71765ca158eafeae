package cn.xianglian.app.producer;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Producer registration and lookup. */
@RestController
@Validated
@RequestMapping("/api/v1/producers")
@Tag(name = "producers", description = "生产主体 — family farms, co-operatives, enterprises")
class ProducerController {

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final PersonalDataSalts salts;

  ProducerController(TraceLedger ledger, CallerIdentities callers, PersonalDataSalts salts) {
    this.ledger = ledger;
    this.callers = callers;
    this.salts = salts;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记生产主体 — register a producer",
      security = @SecurityRequirement(name = "basic"))
  Committed<ProducerView> register(@Valid @RequestBody RegisterProducerRequest request) {
    Committed<JsonNode> done =
        request.personal() == null
            ? ledger.submit(callers.writer(), "registerProducer", request.withoutPersonal())
            : ledger.submit(
                callers.writer(),
                "registerProducer",
                request.withoutPersonal(),
                Map.of(
                    PersonalDataSalts.PERSONAL,
                    request.personal(),
                    PersonalDataSalts.SALT,
                    salts.saltFor(request.producerId())));
    return new Committed<>(view(done.record()), done.transaction());
  }

  @GetMapping("/{producerId}")
  @Operation(summary = "生产主体 — a producer's public record")
  ProducerView get(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String producerId) {
    return view(ledger.evaluate(callers.reader(), "getProducer", producerId));
  }

  private ProducerView view(JsonNode record) {
    return ledger.read(ledger.withLedger(record.deepCopy(), "txId"), ProducerView.class);
  }
}
