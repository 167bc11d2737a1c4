from masthead.ingest import dedup

REUTERS = (
    "Russia and Ukraine began talks in Belarus on Monday, the first negotiations since the invasion began, "
    "as Russian forces pressed their offensive and the West tightened sanctions on Moscow's banks. "
    "The Ukrainian delegation arrived by helicopter, officials said, and the talks were expected to last several hours."
)
AFP = (
    "Russian and Ukrainian delegations began talks in Belarus on Monday, the first negotiations since the invasion began, "
    "while Russian forces pressed their offensive and the West tightened sanctions on Moscow's banks, officials said. "
    "The talks were expected to last several hours."
)
OTHER = "The cricket board named a new captain on Tuesday after the team's defeat in the final, ending weeks of speculation."


def test_signatures_are_deterministic_and_fixed_size():
    assert dedup.signature(REUTERS) == dedup.signature(REUTERS)
    assert len(dedup.signature(REUTERS)) == dedup.NUM_PERMUTATIONS
    assert len(dedup.bands(dedup.signature(REUTERS))) == dedup.BANDS
    assert dedup.signature("") == []


def test_rewritten_copy_of_the_same_event_is_a_near_duplicate():
    a, b = dedup.signature(REUTERS), dedup.signature(AFP)
    assert dedup.similarity(a, b) >= dedup.CLUSTER_THRESHOLD
    assert set(dedup.bands(a)) & set(dedup.bands(b))


def test_different_stories_are_not():
    assert dedup.similarity(dedup.signature(REUTERS), dedup.signature(OTHER)) < 0.1


def test_minhash_estimates_jaccard():
    estimate = dedup.similarity(dedup.signature(REUTERS), dedup.signature(AFP))
    assert abs(estimate - dedup.jaccard(REUTERS, AFP)) < 0.2
