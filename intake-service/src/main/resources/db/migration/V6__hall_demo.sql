-- Demo service points (演示数据, region codes illustrative): the province's and the city's halls, the Xihu district
-- hall with four window categories, extended lunch and evening hours and Saturday mornings (错时延时、周末不打烊),
-- a township service centre and a village agency point under it. A real installation replaces these rows.

insert into hall_service_point (code, name_zh, name_en, level, region, parent_code, address, slot_minutes, hours)
values ('zj-province-hall', '浙江政务服务中心', 'Zhejiang Government Service Centre', 'PROVINCE', '330000', null,
        '杭州市西湖区省府路8号', 30,
        '{"workingDays": [{"from": "09:00", "to": "12:00"}, {"from": "13:30", "to": "17:00"}],
          "extended": [], "weekends": []}'),
       ('hz-citizen-centre', '杭州市民中心行政服务中心', 'Hangzhou Citizen Centre Service Hall', 'CITY', '330100',
        'zj-province-hall', '杭州市上城区解放东路18号', 30,
        '{"workingDays": [{"from": "09:00", "to": "12:00"}, {"from": "13:30", "to": "17:00"}],
          "extended": [{"from": "12:00", "to": "13:30"}], "weekends": []}'),
       ('xihu-hall', '西湖区行政服务中心', 'Xihu District Administrative Service Centre', 'COUNTY', '330106',
        'hz-citizen-centre', '杭州市西湖区文三路500号', 30,
        '{"workingDays": [{"from": "09:00", "to": "12:00"}, {"from": "13:30", "to": "17:00"}],
          "extended": [{"from": "12:00", "to": "13:30"},
                       {"from": "17:00", "to": "19:00", "days": ["TUESDAY", "THURSDAY"]}],
          "weekends": [{"from": "09:00", "to": "12:00", "days": ["SATURDAY"]}]}'),
       ('xihu-zhuantang', '西湖区转塘街道便民服务中心', 'Zhuantang Subdistrict Service Centre', 'TOWNSHIP',
        '330106013', 'xihu-hall', '杭州市西湖区转塘街道美院南路1号', 30,
        '{"workingDays": [{"from": "08:30", "to": "11:30"}, {"from": "13:30", "to": "17:00"}],
          "extended": [{"from": "11:30", "to": "13:30", "days": ["WEDNESDAY"]}], "weekends": []}'),
       ('xihu-zhuantang-shuangliu', '转塘街道双流村便民服务代办点', 'Shuangliu Village Agency Point', 'VILLAGE',
        '330106013201', 'xihu-zhuantang', '杭州市西湖区转塘街道双流村村委会一楼', 60,
        '{"workingDays": [{"from": "09:00", "to": "11:00"}], "extended": [], "weekends": []}');

insert into hall_window_category
    (service_point_code, category, prefix, name_zh, name_en, windows, capacity_per_slot, items, bundles)
values ('zj-province-hall', 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 6, 6, '{*}', '{*}'),
       ('hz-citizen-centre', 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 8, 8, '{*}', '{*}'),
       ('xihu-hall', 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 4, 4, '{*}', '{*}'),
       ('xihu-hall', 'COMPANY', 'C', '企业开办', 'Company start-up', 3, 3,
        '{samr-company-registration,samr-food-business-licence,tax-new-taxpayer-setup,psb-seal-engraving,hrss-employer-social-insurance-registration,hsa-employer-medical-insurance-registration}',
        '{company-startup}'),
       ('xihu-hall', 'REAL_ESTATE', 'R', '不动产登记', 'Real estate', 2, 2,
        '{realestate-sales-contract-filing,realestate-transfer-registration,tax-second-hand-home-tax-declaration}',
        '{second-hand-home-transfer}'),
       ('xihu-hall', 'SOCIAL_AFFAIRS', 'S', '社会事务', 'Social affairs', 2, 2,
        '{psb-newborn-household-registration,hrss-social-security-card,hrss-unemployment-benefit,hsa-newborn-medical-insurance,health-birth-medical-certificate}',
        '{newborn}'),
       ('xihu-zhuantang', 'COMPREHENSIVE', 'A', '综合受理', 'Comprehensive', 2, 2,
        '{psb-newborn-household-registration,hrss-social-security-card,hrss-unemployment-benefit,hsa-newborn-medical-insurance,health-birth-medical-certificate,samr-food-business-licence}',
        '{newborn}'),
       ('xihu-zhuantang-shuangliu', 'COMPREHENSIVE', 'A', '代办', 'Agency', 1, 1,
        '{hrss-social-security-card,hsa-newborn-medical-insurance}', '{}');
