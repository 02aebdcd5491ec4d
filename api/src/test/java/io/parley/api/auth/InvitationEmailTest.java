package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.TestInbox.Mail;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inviting someone emails them the link the dashboard also shows, in their language when they have an account. */
@MicronautTest(transactional = false)
class InvitationEmailTest extends EmailTestBase {

    @Test
    void theInviteeReceivesTheInvitationLinkByEmail() {
        String owner = newEmail();
        String token = verifiedOwner(owner);
        String invitee = newEmail();

        Reply invitation = api().post("/api/v1/invitations", token, Map.of("email", invitee, "role", "agent"));

        assertThat(invitation.status()).isEqualTo(201);
        Mail mail = INBOX.only(invitee);
        assertThat(mail.subject()).isEqualTo(owner + " invited you to Mail Co on Parley");
        assertThat(mail.body()).contains(invitation.string("acceptUrl")).contains("as agent")
                .contains("expires in 7 days");
        Reply accepted = api().post("/api/v1/invitations/accept", api().signup("Invitee Co").accessToken(),
                Map.of("token", invitation.string("token")));
        assertThat(accepted.status()).as("another user cannot use it").isEqualTo(403);
    }

    @Test
    void anInviteeWithAnAccountGetsTheEmailInTheirLanguage() {
        String token = verifiedOwner(newEmail());
        String invitee = newEmail();
        signup(invitee, "zh-Hant");
        INBOX.only(invitee); // their own verification email

        api().post("/api/v1/invitations", token, Map.of("email", invitee, "role", "viewer"));

        Mail mail = INBOX.nth(invitee, 2);
        assertThat(mail.subject()).endsWith("邀請您加入 Parley 上的 Mail Co");
        assertThat(mail.body()).contains("「檢視者」");
    }

    private String verifiedOwner(String email) {
        Reply signup = signup(email, "en");
        api().post("/api/v1/auth/verify-email", null, Map.of("token", INBOX.only(email).token()));
        return signup.string("accessToken");
    }
}
