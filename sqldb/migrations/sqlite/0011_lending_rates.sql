-- The table of reference lending rates by the day each came into force
-- (domain-rules.md §12): the 1-year benchmark lending rate of the PBoC before
-- the LPR reform, the 1-year LPR (published by the NIFC on the PBoC's
-- authority) from 2019-08-20. The interest subsidy of a day uses the rate in
-- force that day; days before the first row have no known rate. A reference
-- table (copied to every shard). County administrators add rows
-- (`hezuo rates add`), audited. The single reference-rate setting it
-- replaces is removed.
CREATE TABLE lending_rates (
    effective_from TEXT PRIMARY KEY CHECK (length(effective_from) = 10),
    kind           TEXT NOT NULL CHECK (kind IN ('benchmark', 'lpr')),
    rate_ppm       INTEGER NOT NULL CHECK (rate_ppm > 0 AND rate_ppm < 200000),
    source         TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 200)
);

INSERT INTO lending_rates (effective_from, kind, rate_ppm, source) VALUES
    ('2008-12-23', 'benchmark', 53100, '中国人民银行调整金融机构人民币贷款基准利率：自2008年12月23日起一年期贷款基准利率为5.31%'),
    ('2010-10-20', 'benchmark', 55600, '中国人民银行调整金融机构人民币贷款基准利率：自2010年10月20日起一年期贷款基准利率为5.56%'),
    ('2010-12-26', 'benchmark', 58100, '中国人民银行调整金融机构人民币贷款基准利率：自2010年12月26日起一年期贷款基准利率为5.81%'),
    ('2011-02-09', 'benchmark', 60600, '中国人民银行调整金融机构人民币贷款基准利率：自2011年2月9日起一年期贷款基准利率为6.06%'),
    ('2011-04-06', 'benchmark', 63100, '中国人民银行调整金融机构人民币贷款基准利率：自2011年4月6日起一年期贷款基准利率为6.31%'),
    ('2011-07-07', 'benchmark', 65600, '中国人民银行调整金融机构人民币贷款基准利率：自2011年7月7日起一年期贷款基准利率为6.56%'),
    ('2012-06-08', 'benchmark', 63100, '中国人民银行调整金融机构人民币贷款基准利率：自2012年6月8日起一年期贷款基准利率为6.31%'),
    ('2012-07-06', 'benchmark', 60000, '中国人民银行调整金融机构人民币贷款基准利率：自2012年7月6日起一年期贷款基准利率为6.00%'),
    ('2014-11-22', 'benchmark', 56000, '中国人民银行调整金融机构人民币贷款基准利率：自2014年11月22日起一年期贷款基准利率为5.60%'),
    ('2015-03-01', 'benchmark', 53500, '中国人民银行调整金融机构人民币贷款基准利率：自2015年3月1日起一年期贷款基准利率为5.35%'),
    ('2015-05-11', 'benchmark', 51000, '中国人民银行调整金融机构人民币贷款基准利率：自2015年5月11日起一年期贷款基准利率为5.10%'),
    ('2015-06-28', 'benchmark', 48500, '中国人民银行调整金融机构人民币贷款基准利率：自2015年6月28日起一年期贷款基准利率为4.85%'),
    ('2015-08-26', 'benchmark', 46000, '中国人民银行调整金融机构人民币贷款基准利率：自2015年8月26日起一年期贷款基准利率为4.60%'),
    ('2015-10-24', 'benchmark', 43500, '中国人民银行调整金融机构人民币贷款基准利率：自2015年10月24日起一年期贷款基准利率为4.35%'),
    ('2019-08-20', 'lpr', 42500, '中国人民银行授权全国银行间同业拆借中心公布2019年8月20日贷款市场报价利率（LPR）：1年期LPR为4.25%'),
    ('2019-09-20', 'lpr', 42000, '中国人民银行授权全国银行间同业拆借中心公布2019年9月20日贷款市场报价利率（LPR）：1年期LPR为4.20%'),
    ('2019-11-20', 'lpr', 41500, '中国人民银行授权全国银行间同业拆借中心公布2019年11月20日贷款市场报价利率（LPR）：1年期LPR为4.15%'),
    ('2020-02-20', 'lpr', 40500, '中国人民银行授权全国银行间同业拆借中心公布2020年2月20日贷款市场报价利率（LPR）：1年期LPR为4.05%'),
    ('2020-04-20', 'lpr', 38500, '中国人民银行授权全国银行间同业拆借中心公布2020年4月20日贷款市场报价利率（LPR）：1年期LPR为3.85%'),
    ('2021-12-20', 'lpr', 38000, '中国人民银行授权全国银行间同业拆借中心公布2021年12月20日贷款市场报价利率（LPR）：1年期LPR为3.80%'),
    ('2022-01-20', 'lpr', 37000, '中国人民银行授权全国银行间同业拆借中心公布2022年1月20日贷款市场报价利率（LPR）：1年期LPR为3.70%'),
    ('2022-08-22', 'lpr', 36500, '中国人民银行授权全国银行间同业拆借中心公布2022年8月22日贷款市场报价利率（LPR）：1年期LPR为3.65%'),
    ('2023-06-20', 'lpr', 35500, '中国人民银行授权全国银行间同业拆借中心公布2023年6月20日贷款市场报价利率（LPR）：1年期LPR为3.55%'),
    ('2023-08-21', 'lpr', 34500, '中国人民银行授权全国银行间同业拆借中心公布2023年8月21日贷款市场报价利率（LPR）：1年期LPR为3.45%'),
    ('2024-07-22', 'lpr', 33500, '中国人民银行授权全国银行间同业拆借中心公布2024年7月22日贷款市场报价利率（LPR）：1年期LPR为3.35%'),
    ('2024-10-21', 'lpr', 31000, '中国人民银行授权全国银行间同业拆借中心公布2024年10月21日贷款市场报价利率（LPR）：1年期LPR为3.10%'),
    ('2025-05-20', 'lpr', 30000, '中国人民银行授权全国银行间同业拆借中心公布2025年5月20日贷款市场报价利率（LPR）：1年期LPR为3.00%')
ON CONFLICT (effective_from) DO NOTHING;

DELETE FROM settings WHERE key = 'subsidy_reference_rate_bp';
