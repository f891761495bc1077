import { describe, expect, it } from 'vitest';
import { readsTraditional, toSimplified } from '../../core/text/simplified.ts';

describe('toSimplified', () => {
  it('reads a question typed in traditional characters as simplified', () => {
    expect(toSimplified('嘉職院的入黨申請人比例是多少')).toBe('嘉职院的入党申请人比例是多少');
    expect(toSimplified('蘇工院智能製造支部實施了哪幾個項目')).toBe('苏工院智能制造支部实施了哪几个项目');
    expect(toSimplified('臺州科院後來怎麼樣')).toBe('台州科院后来怎么样');
    expect(toSimplified('黨建')).toBe('党建');
  });

  it('leaves simplified text as it is, including characters both scripts use', () => {
    for (const text of ['成效显著', '著名的著作', '着力推进', '乾隆年间', '干部队伍', '嘉兴职业技术学院“双百示范”首批党建特色品牌']) expect(toSimplified(text)).toBe(text);
  });

  it('leaves a simplified text with a stray traditional character or a name as typed', () => {
    // The converter's phrase tables would turn these into other words (破坯, 沉思怡, 李昌干).
    for (const text of ['节後返沪，如何控制疫情风险？', '生火、破坏土地原貌', '作者：沈思怡', '李昌乾摄', '郭晓濛：针对此']) {
      expect(readsTraditional(text), text).toBe(false);
      expect(toSimplified(text)).toBe(text);
    }
  });

  it('reads full-width letters and digits as ASCII, and keeps full-width punctuation', () => {
    expect(toSimplified('台州科院２０２３年走访了多少家企业？')).toBe('台州科院2023年走访了多少家企业？');
    expect(toSimplified('ＡＩ赋能')).toBe('AI赋能');
  });
});
