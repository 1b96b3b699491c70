"""Each notebook's analysis as the benchmark times it: the main functions of an analysis module called with
the parameters its notebook uses, on every plan of the synthetic corpus (``RECIPES``, by module name).

``recipe(module, t, step)``: ``step(label, thunk, *needs)`` times one call and returns its result, or None
when it failed, ran out of time or needs a result that is None (``stages.run_analyses``). A module without a
recipe gets every public function whose only argument is the tables ``t``.
"""
from __future__ import annotations


def _recipe_overview(m, t, step):
    step("plan_overview", lambda: m.plan_overview(t))


def _recipe_targets(m, t, step):
    step("shared_targets", lambda: m.shared_targets(t.quantities))
    step("coverage", lambda: m.coverage(t.quantities, t.taxonomy.table("indicators"), t.taxonomy.table("sectors"),
                                        t.plan_order, t.lang))
    step("headline_targets", lambda: m.headline_targets(t.quantities, t.lang))
    step("reconcile (each plan with its city's plan before it)",
         lambda: m.reconcile_pairs(t.quantities, m.same_city_pairs(t.plans), t.lang))


def _recipe_priorities(m, t, step):
    dims = ("sector", "pillar_group", "instrument", "instrument_type")

    def profiles():
        out = {}
        for dim in dims:
            order = m.codebook_order(t.taxonomy, dim)
            out[dim] = (m.profile(t.priorities, dim, order=order),
                        m.profile(t.priorities, dim, "share_chars", order=order))
        return out

    p = step("profile (4 dimensions × sentences, characters)", profiles)
    step("emphasis + top_emphasis", lambda: {d: (m.emphasis(s), m.top_emphasis(s, n=3)) for d, (s, _) in p.items()}, p)
    step("synergy_share", lambda: m.synergy_share(t.measures))


def _recipe_responsibility(m, t, step):  # as notebooks/06_responsibility.ipynb
    r = t.responsibilities
    step("clauses_with_units + plans_with_units", lambda: (m.clauses_with_units(r), m.plans_with_units(r)))
    inv = step("involvement", lambda: m.involvement(r))
    step("wide + top_leads", lambda: (m.wide(inv, "lead"), m.top_leads(inv),
                                      m.wide(inv, "lead", drop_zero=False, order_by="total"),
                                      m.wide(inv, "supporting", drop_zero=False, order_by="total")), inv)


def _recipe_similarity(m, t, step):  # as notebooks/05_similarity.ipynb: n = 8, threshold = 0.5, per_plan = 3
    s = t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]
    step("containment (8-character shingles, plan × plan)", lambda: m.containment(s, 8))
    step("tfidf_cosine", lambda: m.tfidf_cosine(s))
    reuse = step("sentence_reuse", lambda: m.sentence_reuse(s, 8))
    step("boilerplate_share + local_examples", lambda: (m.boilerplate_share(reuse, 0.5),
                                                        m.local_examples(s, reuse, 3)), reuse)


def _recipe_clustering(m, t, step):  # as notebooks/04_clustering.ipynb: B = 200, seed = 2024, K_RANGE 4..12
    seed, meas = 2024, t.measures
    profiles = step("profile_matrix + plan_linkage + cut + distance_matrix", lambda: _cluster_plans(m, t))
    step("bootstrap_cooccurrence (B=200, k=2,3)",
         lambda: m.bootstrap_cooccurrence(meas, "sector_id", list(profiles.columns), ks=(2, 3), B=200, seed=seed),
         profiles)
    X = step("sentence_vectors (TF-IDF)", lambda: m.sentence_vectors(meas.text))
    km = step("kmeans_by_k (k=4..12, silhouette)", lambda: m.kmeans_by_k(X, range(4, 13), seed=seed), X)
    k = None if km is None else m.best_k(km[0])
    step("seed_agreement (5 other seeds)",
         lambda: m.seed_agreement(X, k, km[1][k], [seed + i for i in range(1, 6)]), km)

    def themes():
        th = m.order_by_size(km[1][k])
        return (m.theme_terms(meas.text, th), m.dominant(th, meas.sector_id), m.theme_shares(meas.doc_id, th),
                m.agreement(th, meas.sector_id))

    step("themes: terms, dominant, shares, agreement", themes, km)


def _cluster_plans(m, t):
    profiles = m.profile_matrix(t.priorities, "sector")
    m.profiles_from_codes(t.measures, "sector_id", list(profiles.columns))
    m.cut(m.plan_linkage(profiles), 2)
    m.distance_matrix(profiles)
    return profiles


def _recipe_alignment(m, t, step):  # as notebooks/07_alignment.ipynb
    step("status_counts + reasons + targets_with_reference",
         lambda: (m.status_counts(t.alignment, t.plan_order), m.reasons(t.alignment), m.targets_with_reference(t.alignment)))


def _recipe_findings(m, t, step):  # the notebooks' computed prose (the expensive results passed in, as there)
    import importlib

    for topic in ("overview", "targets", "priorities", "responsibility", "alignment"):
        module = importlib.import_module(f"comparison.analysis.findings.{topic}")
        step(f"{topic} (zh and en)", lambda module=module: [module.findings(t, lang) for lang in ("zh", "en")])
    similarity = importlib.import_module("comparison.analysis.findings.similarity")
    step("similarity: the most overlapping pair at shingle lengths 6, 10, 12",
         lambda: similarity.findings(t, "en", only="shingle_length"))


RECIPES = {"overview": _recipe_overview, "alignment": _recipe_alignment, "findings": _recipe_findings, "targets": _recipe_targets, "priorities": _recipe_priorities,
           "responsibility": _recipe_responsibility, "similarity": _recipe_similarity,
           "clustering": _recipe_clustering}
