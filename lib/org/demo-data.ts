/** The demo company seeded on first start of the embedded database. */
export const DEMO_ORGANIZATION = '星河智能科技有限公司';
export const DEMO_EMAIL_DOMAIN = 'demo.example.com';
export const DEMO_PASSWORD = 'xiezuo-demo';
export const DEMO_ADMIN_EMAIL = `wang.fang@${DEMO_EMAIL_DOMAIN}`;

/** [name, children] — the department tree, in display order. */
export const DEMO_DEPARTMENTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['总经办', []],
  ['产品部', []],
  ['研发部', ['前端开发组', '后端开发组', '测试组']],
  ['市场部', ['品牌公关组']],
  ['销售部', []],
  ['客服部', []],
  ['生产部', []],
  ['采购部', []],
  ['财务部', []],
  ['人力资源部', []],
  ['法务部', []],
  ['IT部', []],
  ['行政后勤部', []],
];

/**
 * [name, email local part, department, title, org admin?]. New hires have no department or phone
 * yet: signing in as one shows first-sign-in onboarding.
 */
export const DEMO_USERS: ReadonlyArray<readonly [string, string, string, string, boolean?]> = [
  ['王芳', 'wang.fang', '产品部', '产品经理', true],
  ['谢明', 'xie.ming', '总经办', '总经理'],
  ['李娜', 'li.na', '产品部', '产品专员'],
  ['韩梅', 'han.mei', '产品部', 'UI 设计师'],
  ['张伟', 'zhang.wei', '研发部', '研发部经理'],
  ['唐亮', 'tang.liang', '研发部', '架构师'],
  ['刘洋', 'liu.yang', '前端开发组', '前端工程师'],
  ['陈静', 'chen.jing', '后端开发组', '后端工程师'],
  ['杨磊', 'yang.lei', '测试组', '测试主管'],
  ['赵敏', 'zhao.min', '市场部', '市场部经理'],
  ['黄丽', 'huang.li', '市场部', '市场专员'],
  ['冯雪', 'feng.xue', '市场部', '视觉设计师'],
  ['周杰', 'zhou.jie', '品牌公关组', '公关主管'],
  ['吴刚', 'wu.gang', '销售部', '销售总监'],
  ['徐婷', 'xu.ting', '销售部', '客户经理'],
  ['曹阳', 'cao.yang', '销售部', '销售专员'],
  ['孙浩', 'sun.hao', '客服部', '客服主管'],
  ['马晓燕', 'ma.xiaoyan', '客服部', '客服专员'],
  ['高峰', 'gao.feng', '生产部', '生产主任'],
  ['林涛', 'lin.tao', '生产部', '生产计划专员'],
  ['梁雪', 'liang.xue', '采购部', '采购主管'],
  ['朱红', 'zhu.hong', '财务部', '财务经理'],
  ['胡军', 'hu.jun', '财务部', '会计'],
  ['郭敏', 'guo.min', '人力资源部', 'HRBP'],
  ['彭飞', 'peng.fei', '人力资源部', '招聘专员'],
  ['何勇', 'he.yong', '法务部', '法务顾问'],
  ['董洁', 'dong.jie', '法务部', '合规专员'],
  ['罗斌', 'luo.bin', 'IT部', 'IT 经理', true],
  ['郑凯', 'zheng.kai', 'IT部', '系统管理员'],
  ['宋佳', 'song.jia', '行政后勤部', '行政专员'],
  ['陆晨', 'lu.chen', '', '新员工'],
  ['沈悦', 'shen.yue', '', '新员工'],
];

/** The demo company's knowledge-base tag sets (知识库标签): set name, then tags with their colours. */
export const DEMO_KB_TAG_SETS: [string, [string, string][]][] = [
  ['类别', [['流程', 'blue'], ['规范', 'violet'], ['经验', 'green'], ['FAQ', 'amber']]],
  ['阶段', [['立项', 'slate'], ['执行', 'teal'], ['收尾', 'pink']]],
];
