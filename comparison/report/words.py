"""The report's own words in both languages: headings, column headers, statuses, and the Chinese title and
question of each notebook (the English ones are read from the notebook itself).

Codes the codebook labels (sectors, pillars, instruments, indicators, agencies, comparators) are
translated from the codebook, never here; this module holds only what the codebook has no sheet for.
"""
from __future__ import annotations

TITLES = {"en": "citycompare: Chinese city green-economy and synergy plans compared",
          "zh": "城市绿色低碳循环发展与减污降碳协同方案比较"}

UI = {
    "en": {
        "build": "Build", "data_as_of": "Data as of",
        "data_as_of_note": "the newest date in the inputs (plans issued, codebook changes)", "built": "Build date",
        "built_note": "SOURCE_DATE_EPOCH", "commit": "Commit", "commit_date": "commit date",
        "dirty": "with uncommitted changes to inputs or code", "version": "citycompare version",
        "plans_reviewed": "Plans", "reviewed": "reviewed", "unreviewed": "unreviewed (suggested rows remain)",
        "contents": "Contents", "question": "Question", "findings": "Findings", "files": "Files in {folder}: ",
        "png": "PNG, 300 dpi", "svg": "SVG", "pdf": "PDF", "no_findings": "No findings text for this section yet.",
        "rows_shown": "Showing {shown} of {total} rows; the full table is {where}.", "appendix": "Appendix",
        "plans": "The plans", "methods": "Methods in brief", "data_files": "Data files", "cite": "How to cite",
        "no_citation": "The repository has no CITATION.cff yet; cite the repository and the commit above.",
        "undated": "undated", "yes": "yes", "no": "no", "file": "file", "rows": "rows",
        "description": "contents",
        "source_quote": "Each target is shown with the clause it comes from and the exact words of the plan.",
    },
    "zh": {
        "build": "构建信息", "data_as_of": "数据截至", "data_as_of_note": "输入数据中的最新日期（方案印发日期、编码手册修订日期）", "built": "构建日期",
        "built_note": "SOURCE_DATE_EPOCH", "commit": "提交", "commit_date": "提交日期", "dirty": "输入或代码有未提交的改动",
        "version": "citycompare 版本", "plans_reviewed": "方案", "reviewed": "已审核", "unreviewed": "未审核（仍有建议行）",
        "contents": "目录", "question": "问题", "findings": "结论",
        "files": "{folder} 中的文件：", "png": "PNG（300 dpi）", "svg": "SVG", "pdf": "PDF",
        "no_findings": "本节暂无结论文字。", "rows_shown": "显示 {total} 行中的 {shown} 行；完整表格见 {where}。", "appendix": "附录",
        "plans": "方案列表", "methods": "方法简述", "data_files": "数据文件", "cite": "引用方式",
        "no_citation": "仓库尚无 CITATION.cff；请引用仓库及上方的提交编号。", "undated": "未注明日期", "yes": "是", "no": "否",
        "file": "文件", "rows": "行数", "description": "内容", "source_quote": "每个目标均注明其所在条款编号及方案原文。",
    },
}

# Column headers of the report's tables.
COLUMNS = {
    "en": {
        "plan": "plan", "pair": "plans compared", "province": "province", "title_zh": "title (Chinese)",
        "title_en": "title (English)", "doc_number": "document no. (文号)", "issued": "issued", "status": "status",
        "plan_type": "plan type", "reviewed": "reviewed", "n_chars": "characters", "n_clauses": "clauses",
        "n_sentences": "sentences (measures)", "n_targets": "targets",
        "n_baselines": "baseline facts", "share_number": "states a number", "share_deadline": "names a year",
        "share_responsible": "has responsible units", "indicator": "indicator", "target": "target",
        "target_year": "target year", "base_year": "base year", "scope": "scope", "commitment": "commitment",
        "clause_id": "clause", "quote": "quote (exact words of the plan)", "sector": "sector",
        "share": "share of sentences", "mean": "mean of the plans", "difference": "difference", "rank": "rank",
        "n_synergy": "synergy sentences", "share_sentences": "share of sentences",
        "share_chars": "share of characters", "sentence_id": "sentence", "text": "text", "agency": "agency",
        "lead": "clauses led", "dimension": "dimension", "n_sentences_coded": "sentences coded",
        "share_of_coded": "share of coded sentences", "kappa": "Cohen's kappa", "agreement": "agreement",
        "comparable": "comparable with another plan", "reference_level": "level",
        "reference_title": "reference document", "reference_target": "its target", "status": "status",
        "reference_quote": "quote (the reference document)",
    },
    "zh": {
        "plan": "方案", "pair": "对照的方案", "province": "省份", "title_zh": "标题", "title_en": "英文译名", "doc_number": "文号",
        "issued": "印发日期", "status": "状态", "plan_type": "方案类型", "reviewed": "审核", "n_chars": "字数", "n_clauses": "条款数",
        "n_sentences": "句子（措施）数", "n_targets": "目标数", "n_baselines": "基线事实数",
        "share_number": "含数字", "share_deadline": "含年份期限", "share_responsible": "有责任单位", "indicator": "指标",
        "target": "目标", "target_year": "目标年", "base_year": "基准年", "scope": "范围", "commitment": "承诺用语",
        "clause_id": "条款", "quote": "原文", "sector": "行业", "share": "句子占比", "mean": "各方案平均",
        "difference": "差值", "rank": "排序", "n_synergy": "协同句子数", "share_sentences": "句子占比", "share_chars": "字数占比",
        "sentence_id": "句子", "text": "文本", "agency": "部门", "lead": "牵头条款数", "dimension": "维度",
        "n_sentences_coded": "编码句子数", "share_of_coded": "占编码句子比例", "kappa": "Cohen kappa 系数", "agreement": "一致率",
        "comparable": "可与其他方案比较", "reference_level": "层级", "reference_title": "上级文件",
        "reference_target": "上级目标", "status": "状态", "reference_quote": "上级文件原文",
    },
}

# Codes the codebook has no sheet for, as printed.
CODES = {
    "en": {
        "final": "final", "draft": "draft (for comments)", "green_economy": "green economy",
        "pollution_carbon_synergy": "pollution–carbon synergy",
        "sector": "sector", "instrument": "instrument", "synergy": "synergy",
    },
    "zh": {
        "final": "正式印发", "draft": "征求意见稿", "green_economy": "绿色低碳循环发展经济体系", "pollution_carbon_synergy": "减污降碳协同增效",
        "sector": "行业", "instrument": "政策工具", "synergy": "减污降碳协同",
    },
}

# Title and question of each notebook in Chinese, by notebook stem (a test checks every notebook has one).
SECTIONS_ZH = {
    "01_corpus_overview": ("语料概览", "各方案在篇幅、结构和具体程度上有何差异：各含多少措施和数量，句子中出现数字、期限或责任单位的频率如何？"),
    "02_targets": ("目标对比", "各方案在哪些指标上设定了相同的目标，换算到统一口径后数值如何比较？哪些方案设定了哪些指标？"
                   "各方案的主要目标是什么？同一城市有多份方案时，每份方案与该市前一份方案在重叠之处是否一致？"),
    "03_priorities": ("重点领域", "各方案把笔墨放在哪里：措施（句子数与字数）在各行业、各篇章和各类政策工具之间如何分配，"
                      "各方案比其他方案更强调什么？各方案中有多少内容涉及减污降碳协同？"),
    "04_clustering": ("方案与句子的聚类", "哪些方案在措施分配上彼此相似，这种分组是否稳定，哪些主题贯穿所有方案的句子？"),
    "05_similarity": ("方案间的文本相似与复用", "各方案逐字共享多少文本，用词有多接近，各方案中有多少套话可在其他方案中找到，"
                      "哪些段落是该方案独有的？"),
    "06_responsibility": ("责任分工", "由谁负责？哪些部门牵头各条款，各部门牵头的频率如何，哪些部门参与其中？"),
    "07_alignment": ("与上级目标的对照", "城市方案的目标是照搬、高于还是低于上级文件的目标？每个城市目标都与本省文件和国家文件中"
                     "同一指标的目标对照，并按指标的方向判断。"),
}


def ui(lang: str, key: str, **values) -> str:
    text = UI[lang][key]
    return text.format(**values) if values else text


def column(lang: str, name: str) -> str:
    return COLUMNS[lang].get(name, name)


def code(lang: str, value) -> str:
    return CODES[lang].get(str(value), str(value))
