package io.parley.http.negotiation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptRangesTest {

    @Test
    void problemJsonAndApplicationWildcardAdmitJson() {
        assertThat(AcceptRanges.widen("application/problem+json")).isEqualTo("application/problem+json, application/json");
        assertThat(AcceptRanges.widen("application/*")).isEqualTo("application/*, application/json");
        assertThat(AcceptRanges.widen("text/plain, application/*;q=0.5")).endsWith(", application/json");
    }

    @Test
    void headersThatAlreadyMatchJsonOrRefuseItAreLeftAlone() {
        assertThat(AcceptRanges.widen("application/json")).isEqualTo("application/json");
        assertThat(AcceptRanges.widen("*/*")).isEqualTo("*/*");
        assertThat(AcceptRanges.widen("text/html")).isEqualTo("text/html");
        assertThat(AcceptRanges.widen("application/*;q=0")).isEqualTo("application/*;q=0");
        assertThat(AcceptRanges.widen(null)).isNull();
    }
}
