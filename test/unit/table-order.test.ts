import { describe, expect, it } from 'vitest';
import { orderNote, orderRows, orderValue, tableOrderOf } from '../../core/answer/table-order.ts';

describe('tableOrderOf', () => {
  it('reads an order by time or by count, and its direction', () => {
    expect(tableOrderOf('各学院获得的荣誉列个表，按获评时间从早到晚排')).toMatchObject({ kind: 'year', ascending: true, by: '获评时间', direction: '从早到晚' });
    expect(tableOrderOf('校企合作对比，按合作企业家数从多到少排列')).toMatchObject({ kind: 'count', ascending: false, unit: '家', by: '合作企业家数' });
    expect(tableOrderOf('按数量由少到多')).toMatchObject({ kind: 'count', ascending: true, unit: null });
    expect(tableOrderOf('按总数从高到低')).toMatchObject({ unit: null });
  });

  it('is null when no order is asked', () => {
    expect(tableOrderOf('比较五所学院的党员先锋岗')).toBeNull();
    expect(tableOrderOf('从早到晚都在忙的支部有哪些做法')).toBeNull();
  });
});

describe('orderValue', () => {
  it('takes the earliest year, or the largest count of the unit asked', () => {
    expect(orderValue(tableOrderOf('按时间从早到晚')!, '2023年获评先进单位，2021年入选典型案例')).toBe(2021);
    expect(orderValue(tableOrderOf('按企业家数从多到少')!, '联合67家行业龙头企业修订33个专业方案，共建8个产业学院')).toBe(67);
    expect(orderValue(tableOrderOf('按企业家数从多到少')!, '建立紧密合作关系的企业倍增至54家')).toBe(54);
    expect(orderValue(tableOrderOf('按时间从早到晚')!, '获得首批全国高校黄大年式教师团队')).toBeNull();
  });

  it('reads 万 and 千, and counts only where the noun asked stands beside the count', () => {
    const trained = tableOrderOf('按培训人次从多到少排')!;
    expect(trained).toMatchObject({ unit: '人次', noun: '培训' });
    expect(orderValue(trained, '开展技能培训，累计培训近2万人次')).toBe(20000);
    expect(orderValue(trained, '社会培训500人次')).toBe(500);
    const patents = tableOrderOf('按专利数量从多到少排')!;
    expect(patents).toMatchObject({ unit: null, noun: '专利' });
    expect(orderValue(patents, '承担11项科技项目，授权专利300多项')).toBe(300);
    expect(orderValue(patents, '承担11项科技项目')).toBeNull();
  });
});

describe('orderRows', () => {
  it('orders the rows writing a value, then keeps the rest in their place', () => {
    const rows = ['甲：未写年份', '乙：2022年', '丙：2019年', '丁：也未写', '戊：2022年获评'];
    expect(orderRows(rows, tableOrderOf('按时间从早到晚')!, (row) => row)).toEqual(['丙：2019年', '乙：2022年', '戊：2022年获评', '甲：未写年份', '丁：也未写']);
    expect(orderRows(rows, tableOrderOf('按时间从晚到早')!, (row) => row)).toEqual(['乙：2022年', '戊：2022年获评', '丙：2019年', '甲：未写年份', '丁：也未写']);
  });

  it('says under the table what it ordered by and where the rows without a value went', () => {
    expect(orderNote(tableOrderOf('按合作企业家数从多到少')!)).toBe('排序：按合作企业家数从多到少，依各行文中写明的“家”数；没有写明的排在后面。');
  });
});
