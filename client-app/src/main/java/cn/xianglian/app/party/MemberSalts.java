package cn.xianglian.app.party;

import cn.xianglian.app.producer.PersonalDataSalts;
import org.springframework.stereotype.Component;

/**
 * The salt of a member's personal-data hash ({@code member.salt}, transient): the application's
 * personal-data salt of {@code party-member/<memberId>}, so a retried registration has the same
 * content and the contract returns the existing member.
 */
@Component
class MemberSalts {

  private final PersonalDataSalts salts;

  MemberSalts(PersonalDataSalts salts) {
    this.salts = salts;
  }

  byte[] saltFor(String memberId) {
    return salts.saltFor("party-member/" + memberId);
  }
}
