package dev.emporium.catalog.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The matches of a ranked query that come after one hit in relevance order (score descending, then the id
 * descending), scored as the ranked query scores them. This is Lucene's "search after" for a listing that resumes
 * from a cursor: the collector keeps one page instead of every hit up to the page, however deep the page is.
 *
 * <p>The score compared is the very score the collector sees (this query is the listing's one scoring clause), so a
 * hit is never both before and after the cursor. Among hits of equal score, {@code tieAfter} says which come after:
 * a query on the id's indexed halves.
 */
final class RankedAfter extends Query {

    private final Query ranked;
    private final float score;
    private final Query tieAfter;

    RankedAfter(Query ranked, float score, Query tieAfter) {
        this.ranked = Objects.requireNonNull(ranked);
        this.score = score;
        this.tieAfter = Objects.requireNonNull(tieAfter);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rankedRewritten = ranked.rewrite(searcher);
        Query tieRewritten = tieAfter.rewrite(searcher);
        if (rankedRewritten != ranked || tieRewritten != tieAfter) {
            return new RankedAfter(rankedRewritten, score, tieRewritten);
        }
        return this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        // The comparison needs the scores, whether or not the caller does.
        Weight rankedWeight = ranked.createWeight(searcher, ScoreMode.COMPLETE, boost);
        Weight tieWeight = tieAfter.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new FilterWeight(this, rankedWeight) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer rankedScorer = in.scorer(context);
                if (rankedScorer == null) {
                    return null;
                }
                Scorer tieScorer = tieWeight.scorer(context);
                return new AfterScorer(this, rankedScorer, tieScorer == null ? null : tieScorer.iterator());
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return in.explain(context, doc);
            }
        };
    }

    /** The ranked query's scorer, keeping the documents that come after the cursor's hit. */
    private final class AfterScorer extends Scorer {
        private final Scorer ranked;
        private final DocIdSetIterator tieAfter;
        private final TwoPhaseIterator rankedTwoPhase;
        private final TwoPhaseIterator twoPhase;

        AfterScorer(Weight weight, Scorer ranked, DocIdSetIterator tieAfter) {
            super(weight);
            this.ranked = ranked;
            this.tieAfter = tieAfter;
            this.rankedTwoPhase = ranked.twoPhaseIterator();
            DocIdSetIterator approximation = rankedTwoPhase != null ? rankedTwoPhase.approximation() : ranked.iterator();
            float cost = rankedTwoPhase != null ? rankedTwoPhase.matchCost() + 1 : 1;
            this.twoPhase = new TwoPhaseIterator(approximation) {
                @Override
                public boolean matches() throws IOException {
                    return (rankedTwoPhase == null || rankedTwoPhase.matches()) && comesAfter(approximation.docID());
                }

                @Override
                public float matchCost() {
                    return cost;
                }
            };
        }

        private boolean comesAfter(int doc) throws IOException {
            float hitScore = ranked.score();
            if (hitScore != score) {
                return hitScore < score;
            }
            if (tieAfter == null) {
                return false;
            }
            // Documents are visited in increasing order, so the tie iterator only ever moves forward.
            if (tieAfter.docID() < doc) {
                tieAfter.advance(doc);
            }
            return tieAfter.docID() == doc;
        }

        @Override
        public int docID() {
            return ranked.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return twoPhase;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return Math.min(score, ranked.getMaxScore(upTo));
        }

        @Override
        public float score() throws IOException {
            return ranked.score();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        ranked.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
        tieAfter.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
    }

    @Override
    public String toString(String field) {
        return "RankedAfter(" + ranked.toString(field) + ", score < " + score + " or = and " + tieAfter.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ranked.equals(((RankedAfter) other).ranked)
                && Float.compare(score, ((RankedAfter) other).score) == 0 && tieAfter.equals(((RankedAfter) other).tieAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), ranked, score, tieAfter);
    }
}
