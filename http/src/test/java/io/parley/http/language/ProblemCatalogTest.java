package io.parley.http.language;

import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
    private final ProblemCatalog chinese = ProblemCatalog.forLanguage(ProblemLanguage.TRADITIONAL_CHINESE);

    @Test
    void everyCatalogueLineHasATranslationWithTheSamePlaceholders() {
        Map<String, String> entries = ProblemCatalog.entries(ProblemLanguage.TRADITIONAL_CHINESE);

        assertThat(entries).hasSizeGreaterThan(100);
        entries.forEach((english, translation) -> {
            assertThat(translation).as(english).isNotBlank().isNotEqualTo(english);
            assertThat(placeholders(translation)).as(english).isEqualTo(placeholders(english));
        });
    }

    @Test
    void everyProblemTitleHasATranslation() {
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(chinese.translate(kind.title())).as(kind.title()).isPresent();
        }
    }

    @Test
    void valuesInsideAMessageAreTranslatedWhenTheCatalogueKnowsThem() {
        assertThat(chinese.translate("Bot not found")).hasValue("找不到機器人");
        assertThat(chinese.translate("LINE channel not found")).hasValue("找不到LINE 頻道");
        assertThat(chinese.translate("Web chat channel not found")).hasValue("找不到網頁聊天頻道");
        assertThat(chinese.translate("The Free plan allows 1 bots; upgrade to add more."))
                .hasValue("Free 方案最多可有 1 個機器人；請升級方案以新增更多。");
        assertThat(chinese.translate("size must be between 1 and 80")).hasValue("長度必須介於 1 到 80 之間");
    }

    @Test
    void theMostSpecificTemplateWins() {
        assertThat(chinese.translate("LINE answered 429 (rate limited)")).hasValue("LINE 回應 429（請求過於頻繁）");
        assertThat(chinese.translate("LINE answered 500")).hasValue("LINE 回應 500");
    }

    @Test
    void aMessageWithoutTranslationStaysEnglish() {
        assertThat(chinese.translate("Something no catalogue knows")).isEmpty();
        Problem problem = new Problem(Problem.TYPE_BASE + "bad-request", "Bad request", 400,
                "Something no catalogue knows", "/x", null);

        assertThat(chinese.localize(problem).detail()).isEqualTo("Something no catalogue knows");
    }

    @Test
    void aValidationProblemKeepsTypeStatusAndFieldNamesAndTranslatesItsDetail() {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("email", "must be a well-formed email address"),
                new Problem.FieldError("password", "must be 10 to 72 characters"));
        Problem problem = new Problem(ProblemKind.VALIDATION_FAILED.type(), "Validation failed", 400,
                "email: must be a well-formed email address; password: must be 10 to 72 characters",
                "/api/v1/auth/signup", errors);

        Problem localized = chinese.localize(problem);

        assertThat(localized.type()).isEqualTo(ProblemKind.VALIDATION_FAILED.type());
        assertThat(localized.status()).isEqualTo(400);
        assertThat(localized.instance()).isEqualTo("/api/v1/auth/signup");
        assertThat(localized.title()).isEqualTo("驗證失敗");
        assertThat(localized.errors()).extracting(Problem.FieldError::field).containsExactly("email", "password");
        assertThat(localized.errors()).extracting(Problem.FieldError::message)
                .containsExactly("必須是格式正確的電子郵件地址", "必須是 10 到 72 個字元");
        assertThat(localized.detail()).isEqualTo("email: 必須是格式正確的電子郵件地址; password: 必須是 10 到 72 個字元");
    }

    private static Set<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.results().map(m -> m.group()).collect(Collectors.toSet());
    }
}
