package dev.emporium.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Accept and Content-Type values pass, and what the refusal says of the others. */
class MediaTypeHeadersTest {

    @Test
    void acceptsWhatClientsReallySend() {
        for (String accept : List.of("application/json", "*/*", "application/json, text/plain;q=0.5, */*;q=0.1",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "application/*;q=1.000", "text/plain;q=0",
                "application/json;charset=utf-8", "text/plain; format=\"a,b;c\"; q=0.3", "application/json;", ",,",
                "application/json;;charset=utf-8", "application/merge-patch+json; Q=1")) {
            assertEquals(Optional.empty(), MediaTypeHeaders.acceptProblem(accept), accept);
        }
        for (String type : List.of("application/json", "application/json; charset=UTF-8", "multipart/form-data; boundary=\"x y\"")) {
            assertEquals(Optional.empty(), MediaTypeHeaders.mediaTypeProblem(type), type);
        }
    }

    @Test
    void refusesWhatTheRuntimeWouldFailOn() {
        assertProblem(MediaTypeHeaders.acceptProblem("application/json;q=abc"), "q=abc is not a weight");
        assertProblem(MediaTypeHeaders.acceptProblem("text/plain, application/json;q=1.5"), "q=1.5");
        assertProblem(MediaTypeHeaders.acceptProblem("application/json;q="), "\"q=\" is not name=value");
        assertProblem(MediaTypeHeaders.acceptProblem("application/json;q=0.1234"), "at most 3 decimals");
        assertProblem(MediaTypeHeaders.acceptProblem("garbage"), "\"garbage\" is not a media type");
        assertProblem(MediaTypeHeaders.mediaTypeProblem("application/json;;q"), "\"q\" is not name=value");
        assertProblem(MediaTypeHeaders.mediaTypeProblem("application/json; charset=\"open"), "is not name=value");
        assertProblem(MediaTypeHeaders.mediaTypeProblem("json"), "not a media type");
    }

    private static void assertProblem(Optional<String> problem, String expected) {
        assertTrue(problem.isPresent() && problem.get().contains(expected), problem + " should say " + expected);
    }
}
