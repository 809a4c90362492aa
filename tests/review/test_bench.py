from prereview.review.bench import bench_rules, sample_application


def test_bench_reviews_a_complete_application():
    result = bench_rules(5)
    assert result["verdict"] == "pass" and result["points"] == 10 and result["n"] == 5
    assert 0 < result["median_ms"] < 100  # target < 5 ms; loose here because CI machines are shared
    assert len(sample_application()) == 7
