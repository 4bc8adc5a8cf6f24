import type { Random } from '../../domain/random.ts';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤',
];
const MALE = [...'伟强磊军洋勇杰涛明超华建国平志文斌海波宁宇浩然俊博阳鸣晨峰刚辉鹏飞亮成康荣'];
const FEMALE = [...'芳娜敏静丽艳娟秀英慧巧美婷雪琳晶燕红玉兰凤萍欣怡琪雨雅诗佳梅霞蓉莉倩'];

/** A plausible synthetic Chinese name; never a real person's. */
export function syntheticName(random: Random, sex: 'M' | 'F'): string {
  const chars = sex === 'M' ? MALE : FEMALE;
  const given = random.chance(0.6) ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return random.pick(SURNAMES) + given;
}

export function syntheticMobile(random: Random): string {
  const prefix = random.pick(['13', '15', '18', '17', '19']);
  let rest = '';
  for (let i = 0; i < 9; i++) rest += String(random.int(0, 9));
  return prefix + rest;
}
