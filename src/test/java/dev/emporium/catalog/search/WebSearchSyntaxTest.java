package dev.emporium.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WebSearchSyntaxTest {

    @Test
    void wordsStayAsTheyAreAndAreAllRequiredByTheIndexDefault() {
        assertEquals("walnut lamp", WebSearchSyntax.toSimpleQueryString("  walnut lamp "));
    }

    @Test
    void orBetweenWordsBecomesTheIndexOperatorInAnyCase() {
        assertEquals("walnut | oak", WebSearchSyntax.toSimpleQueryString("walnut or oak"));
        assertEquals("walnut | oak | steel", WebSearchSyntax.toSimpleQueryString("walnut OR oak Or steel"));
    }

    @Test
    void orInsideAWordOrAPhraseIsText() {
        assertEquals("oregon floor", WebSearchSyntax.toSimpleQueryString("oregon floor"));
        assertEquals("\"black or white\" lamp", WebSearchSyntax.toSimpleQueryString("\"black or white\" lamp"));
    }

    @Test
    void exclusionsAndPhrasesKeepTheirMarks() {
        assertEquals("lamp -oak \"walnut desk\"", WebSearchSyntax.toSimpleQueryString("lamp -oak \"walnut desk\""));
    }

    @Test
    void aPipeIsPunctuationNotAnOperator() {
        assertEquals("walnut   oak", WebSearchSyntax.toSimpleQueryString("walnut | oak"));
    }

    @Test
    void anUnclosedQuoteLeavesTheRestAsTyped() {
        assertEquals("lamp \"walnut or", WebSearchSyntax.toSimpleQueryString("lamp \"walnut or"));
    }
}
