package io.parley.core.accesscode;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccessCodeTextTest {

    @Test
    void generatedCodesAreTwelveUnambiguousCharactersInGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = AccessCodeText.generate();
            assertThat(code).matches("[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aTypedCodeIsReadWhateverItsCaseWidthAndSeparators() {
        assertThat(AccessCodeText.normalize("k7qm-2xrt-94hp")).contains("K7QM2XRT94HP");
        assertThat(AccessCodeText.normalize(" K7QM 2XRT 94HP ")).contains("K7QM2XRT94HP");
        assertThat(AccessCodeText.normalize("Ｋ７ＱＭ－２ＸＲＴ－９４ＨＰ")).as("full-width").contains("K7QM2XRT94HP");
        assertThat(AccessCodeText.normalize("K7QM-2XRT-94H")).as("too short").isEmpty();
        assertThat(AccessCodeText.normalize("K7QM-2XRT-94H0")).as("0 is never in a code").isEmpty();
        assertThat(AccessCodeText.normalize("let me in please")).isEmpty();
        assertThat(AccessCodeText.normalize(null)).isEmpty();
    }

    @Test
    void theSameCodeHashesDifferentlyForAnotherBot() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        assertThat(AccessCodeText.hash(one, "K7QM2XRT94HP")).isEqualTo(AccessCodeText.hash(one, "K7QM2XRT94HP"))
                .isNotEqualTo(AccessCodeText.hash(two, "K7QM2XRT94HP")).hasSize(32);
    }
}
