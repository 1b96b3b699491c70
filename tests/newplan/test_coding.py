"""The measure coder: trained once per set of curated sentences in a process, the same model as a new fit."""
import pandas as pd

from comparison.newplan.coding import MeasureCoder

SENTENCES = pd.DataFrame({
    "text": ["推进光伏发电项目建设", "推广秸秆综合利用", "发展绿色金融", "建设分布式光伏电站", "秸秆还田与饲料化",
             "设立绿色信贷专项"],
    "sector_id": ["energy", "agriculture", "finance", "energy", "agriculture", "finance"],
    "instrument_id": ["project", "promotion", "finance", "project", "promotion", "finance"],
    "synergy": ["0", "1", "0", "0", "1", "0"],
})
NEW = ["加快光伏项目落地", "秸秆禁烧与利用", "绿色金融改革"]


def test_the_same_training_data_gives_the_coder_already_trained():
    first = MeasureCoder.train(SENTENCES)
    assert MeasureCoder.train(SENTENCES.copy()) is first


def test_the_reused_coder_suggests_what_a_new_fit_suggests():
    reused = MeasureCoder.train(SENTENCES).suggest(NEW)
    fresh = MeasureCoder._fit(SENTENCES).suggest(NEW)
    pd.testing.assert_frame_equal(reused, fresh)
    assert list(reused.sector_id) == ["energy", "agriculture", "finance"]


def test_other_training_data_trains_anew():
    first = MeasureCoder.train(SENTENCES)
    recoded = SENTENCES.assign(synergy=["1", "1", "0", "0", "1", "0"])
    reordered = SENTENCES.iloc[::-1].reset_index(drop=True)
    assert MeasureCoder.train(recoded) is not first
    assert MeasureCoder.train(reordered) is not first
