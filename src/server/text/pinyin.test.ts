import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './pinyin.ts';

describe('nameSearchKeys', () => {
  it.each([
    ['张三丰', 'zhangsanfeng', 'zsf'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['解缙', 'xiejin', 'xj'],
    ['区志明', 'ouzhiming', 'ozm'],
    ['仇英', 'qiuying', 'qy'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['长孙无忌', 'zhangsunwuji', 'zswj'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['曾小单', 'zengxiaodan', 'zxd'],
    ['吕布', 'lvbu', 'lb'],
    ['李Lucy', 'lilucy', 'll'],
    ['王 Anna Lee', 'wangannalee', 'wal'],
    ['张三2', 'zhangsan', 'zs'],
    ['艾力·买买提', 'ailimaimaiti', 'almmt'],
    ['ＬＩ　ＭＩＮＧ', 'liming', 'lm'],
    [' 王小明 ', 'wangxiaoming', 'wxm'],
    ['', '', ''],
  ])('%s → %s / %s', (name, pinyin, initials) => {
    expect(nameSearchKeys(name)).toEqual({ pinyin, initials });
  });
});
