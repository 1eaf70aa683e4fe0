package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {

    @Test
    void aShortLineThatEndsASentenceStartedBeforeItIsKept() {
        IngestedFile file = Ingest.one(Ingest.read("rules.txt", """
                Mooring rules for the north quay

                Every berth has a weight for the allocation. The default weight of a berth is 50, and the maximum is

                100.

                HARBOUR STAFF

                Berths with a higher weight are given out first when the quay is full.
                """));
        String all = String.join("\n", Ingest.texts(file));
        assertThat(all).contains("and the maximum is\n\n100.").doesNotContain("HARBOUR STAFF");
    }

    @Test
    void aShortLineThatBeginsASentenceEndedAfterItIsKept() {
        IngestedFile file = Ingest.one(Ingest.read("bio.txt", """
                The harbour master retired on Friday after thirty years at the north quay, the council said.

                About Jane Doe View All Stories

                is a former harbour pilot who has written about the coast since 2010.
                """));
        assertThat(String.join("\n", Ingest.texts(file)))
                .contains("About Jane Doe View All Stories\n\nis a former harbour pilot");
    }

    static final String HARBOUR_ARTICLE = """
            Harbour reopens after winter storm

            The harbour at Port Ellen reopened on Monday after the winter storm damaged the north quay. Repairs to \
            the quay took six weeks and cost the council two million pounds, the harbour master said.

            You have read all your complimentary stories this month.

            Join today and back our independent newsroom to keep going.

            Unlock Every Story For One Low Price

            Fishing boats were the first to return to the north quay, followed by the island ferry on Tuesday. \
            "We are glad to be home," one skipper said as the boats moored.

            Related: Ferry timetable changes for the spring

            The council expects the south quay to be repaired by the summer, when the harbour is busiest.

            MEMBER COMMENTS

            Only paying members of our community can leave comments here.

            Already a member? Sign In
            """;

    @Test
    void aPaywallIsFoundByItsShapeAButtonAndPromptsOffTheTopicBesideIt() {
        String all = String.join("\n", Ingest.texts(Ingest.one(Ingest.read("harbour.txt", HARBOUR_ARTICLE))));
        assertThat(all).doesNotContain("complimentary stories", "independent newsroom", "Unlock Every Story",
                "paying members", "Already a member", "MEMBER COMMENTS", "Related:");
        assertThat(all).contains("reopened on Monday", "Fishing boats were the first",
                "\"We are glad to be home,\" one skipper said", "south quay to be repaired");
    }

    @Test
    void instructionsToTheReaderBesideLabelsStayWhenTheyKeepToTheTopic() {
        String manual = """
                Setting up the tide gauge

                Before you mount the tide gauge, check that your mounting bracket fits the quay wall.

                Filename: gauge.conf

                You can change the sampling interval of the tide gauge in the gauge file; the default interval \
                is ten minutes.

                etype: The type of the gauge reading

                Mount the tide gauge below the lowest tide mark so that the gauge stays under water.
                """;
        String all = String.join("\n", Ingest.texts(Ingest.one(Ingest.read("gauge.txt", manual))));
        assertThat(all).contains("Before you mount the tide gauge", "You can change the sampling interval",
                "etype: The type of the gauge reading");
    }
}
