import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '@leye/domain';
import { hashPassword } from '../../common/security/password-hasher.js';

export const DEMO_PASSWORD = 'Leye@2025';

/** Demo employers (fictional names) with valid credit codes built from the region code. */
const DEMO_EMPLOYERS = [
  { key: 'E1', name: '临沂示例木业有限公司', region: '371302', serial: 'MA3C00001', status: 'VERIFIED' },
  { key: 'E2', name: '沂蒙示例食品股份有限公司', region: '371312', serial: 'MA3C00002', status: 'VERIFIED' },
  { key: 'E3', name: '临沂示例机械制造有限公司', region: '371311', serial: 'MA3C00003', status: 'VERIFIED' },
  { key: 'E4', name: '兰山示例物流有限公司', region: '371302', serial: 'MA3C00004', status: 'PENDING' },
  { key: 'E5', name: '费县示例纺织有限公司', region: '371325', serial: 'MA3C00005', status: 'PENDING' },
] as const;

export function demoCreditCode(region: string, serial: string): string {
  const first17 = `91${region}${serial}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const DEMO_USERS = [
  { email: 'admin@leye.demo', role: 'ADMIN', name: '系统管理员', region: '371300', employer: null },
  { email: 'organizer@leye.demo', role: 'ORGANIZER', name: '市人社局 王组织', region: '371300', employer: null },
  { email: 'lanshan.organizer@leye.demo', role: 'ORGANIZER', name: '兰山区人社局 李组织', region: '371302', employer: null },
  { email: 'employer@leye.demo', role: 'EMPLOYER', name: '张人事', region: '371302', employer: 'E1' },
  { email: 'mentor@leye.demo', role: 'MENTOR', name: '刘导师', region: '371300', employer: null },
  { email: 'host@leye.demo', role: 'HOST', name: '陈主播', region: '371300', employer: null },
  { email: 'seeker@leye.demo', role: 'SEEKER', name: '赵求职', region: '371312', employer: null },
] as const;

/** Linyi demo data: one account per role, a few employers, a venue. Idempotent (keyed on natural keys). */
export async function seedDemoData(ds: DataSource): Promise<void> {
  const ids = new Map<string, string>();
  for (const e of DEMO_EMPLOYERS) {
    const code = demoCreditCode(e.region, e.serial);
    const rows: Array<{ id: string }> = await ds.query(
      `INSERT INTO employer (name, credit_code, region_code, status, reviewed_at, contact_name, contact_phone)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'PENDING' THEN NULL ELSE now() END, '张人事', '13805390001')
       ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [e.name, code, e.region, e.status],
    );
    ids.set(e.key, rows[0]!.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await ds.query(
      `INSERT INTO app_user (role, display_name, email, password_hash, region_code, employer_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING`,
      [u.role, u.name, u.email, passwordHash, u.region, u.employer ? ids.get(u.employer) : null],
    );
  }
  await ds.query(
    `INSERT INTO venue (name, address, region_code, capacity, latitude, longitude)
     VALUES ('临沂市人力资源市场（示例）', '兰山区示例路 1 号', '371302', 3000, 35.0518, 118.3564),
            ('临沂创业孵化基地路演厅（示例）', '河东区示例大道 8 号', '371312', 300, NULL, NULL),
            ('费县人才市场（示例）', '费县示例街 18 号', '371325', 800, NULL, NULL)
     ON CONFLICT (name) DO NOTHING`,
  );
  for (const [name, nameEn] of DEMO_CO_HOSTS) {
    await ds.query(`INSERT INTO co_host_body (name, name_en) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, nameEn]);
  }
  await seedDemoEvents(ds);
  await seedDemoBooths(ds);
  await seedDemoPostings(ds, ids);
  await seedDemoApplications(ds);
  await seedDemoMentors(ds);
  await seedDemoAttendance(ds, passwordHash);
  await seedDemoQuotaRecords(ds);
  await seedDemoBroadcasts(ds);
}

/**
 * Livestreams (docs/livestream.md) for host@leye.demo: one LIVE (an AI 数字人 broadcast that started half an hour
 * ago, with autopilot off, the first card pushed) and one SCHEDULED (the 商贸物流 special), each with job cards
 * from the approved demo postings. Idempotent (keyed on the events).
 */
async function seedDemoBroadcasts(ds: DataSource): Promise<void> {
  const [host] = await ds.query(`SELECT id FROM app_user WHERE email = 'host@leye.demo'`);
  const [organizer] = await ds.query(`SELECT id FROM app_user WHERE email = 'organizer@leye.demo'`);
  if (!host || !organizer) return;
  const liveTitle = '“乐业临沂”AI数字人全天候直播带岗（示例）';
  let [liveEvent] = await ds.query(`SELECT id FROM event WHERE title = $1`, [liveTitle]);
  if (!liveEvent) {
    [liveEvent] = await ds.query(
      `INSERT INTO event (title, description, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
       VALUES ($1, '演示数据：数字人主播轮播岗位卡片，扫码即可投递。', 'LIVESTREAM', 'AI_DIGITAL_HUMAN', '371300', true, 'https://live.example.cn/leye',
               100000, date_trunc('hour', now()) - interval '1 hour', date_trunc('hour', now()) + interval '23 hours', 'PUBLISHED', now(), $2)
       RETURNING id`,
      [liveTitle, organizer.id],
    );
  }
  const [scheduledEvent] = await ds.query(`SELECT id FROM event WHERE title = '“乐业临沂”直播带岗·商贸物流专场（示例）'`);
  const postings: Array<{ id: string }> = await ds.query(
    `SELECT p.id FROM job_posting p JOIN employer e ON e.id = p.employer_id
      WHERE p.status = 'APPROVED' AND e.status = 'VERIFIED' AND p.valid_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY p.created_at, p.id LIMIT 6`,
  );
  const plans = [
    { event: liveEvent, title: '乐业临沂·数字人直播带岗（示例）', live: true },
    { event: scheduledEvent, title: '直播带岗·商贸物流专场（示例）', live: false },
  ];
  for (const plan of plans) {
    if (!plan.event) continue;
    const [exists] = await ds.query(`SELECT id FROM broadcast WHERE event_id = $1`, [plan.event.id]);
    if (exists) continue;
    const [b] = await ds.query(
      `INSERT INTO broadcast (event_id, title, region_code, status, ingest_key, started_at, created_by, announcement)
       VALUES ($1, $2, '371300', $3, $6, CASE WHEN $3 = 'LIVE' THEN now() - interval '30 minutes' END, $4, $5)
       RETURNING id`,
      [plan.event.id, plan.title, plan.live ? 'LIVE' : 'SCHEDULED', organizer.id, plan.live ? '扫码或点击岗位卡片即可一键投递，欢迎转发！' : null, randomBytes(18).toString('base64url')],
    );
    await ds.query(`INSERT INTO broadcast_host (broadcast_id, user_id) VALUES ($1, $2)`, [b.id, host.id]);
    await ds.query(
      `INSERT INTO broadcast_employer (broadcast_id, employer_id, position)
       SELECT $1, employer_id, row_number() OVER (ORDER BY min(created_at)) FROM job_posting WHERE id = ANY($2::uuid[]) GROUP BY employer_id`,
      [b.id, postings.map((p) => p.id)],
    );
    for (const [i, p] of postings.entries()) {
      const code = Array.from(randomBytes(8), (x) => '23456789abcdefghijkmnpqrstuvwxyz'[x % 32]).join('');
      await ds.query(
        `INSERT INTO broadcast_card (broadcast_id, posting_id, position, short_code, first_shown_at, last_shown_at, shown_count)
         VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() - interval '20 minutes' END, CASE WHEN $5 THEN now() - interval '20 minutes' END, CASE WHEN $5 THEN 1 ELSE 0 END)`,
        [b.id, p.id, i + 1, code, plan.live && i === 0],
      );
    }
    if (plan.live)
      await ds.query(
        `UPDATE broadcast SET current_card_id = (SELECT id FROM broadcast_card WHERE broadcast_id = $1 ORDER BY position LIMIT 1), card_seq = 1 WHERE id = $1`,
        [b.id],
      );
  }
}

/** A short urgent-shortage list and a few postings (approved and awaiting review) of the verified demo employers. */
async function seedDemoPostings(ds: DataSource, employers: Map<string, string>): Promise<void> {
  for (const [code, note] of [
    ['6.01', '数控车工、铣工（示例目录）'],
    ['6.02', '焊工（示例目录）'],
    ['6.03', '电工（示例目录）'],
    ['4.06', '养老护理员（示例目录）'],
  ]) {
    await ds.query(`INSERT INTO urgent_occupation (occupation_code, note) VALUES ($1, $2) ON CONFLICT (occupation_code) DO NOTHING`, [code, note]);
  }
  const [reviewer] = await ds.query(`SELECT id FROM app_user WHERE email = 'organizer@leye.demo'`);
  const demo = [
    { e: 'E1', title: '木工（板材加工）', occ: '6.05', n: 10, min: 5000, max: 7500, edu: 'NONE', exp: 'Y1_3', region: '371302', approved: true, desc: '负责板材裁切、封边等加工。五险一金，包吃住，月休4天。' },
    { e: 'E1', title: '数控车工', occ: '6.01', n: 5, min: 6000, max: 9000, edu: '40', exp: 'Y1_3', region: '371302', approved: true, desc: '操作数控车床，能看懂图纸。有数控车工证书优先。' },
    { e: 'E2', title: '食品质检员', occ: '6.11', n: 3, min: 4500, max: 6000, edu: '30', exp: 'NONE', region: '371312', approved: true, desc: '负责生产线抽检与记录，食品相关专业优先，接受应届毕业生。' },
    { e: 'E2', title: '电商运营', occ: '2.03', n: 2, min: null, max: null, edu: '30', exp: 'Y1_3', region: '371312', approved: false, desc: '负责店铺日常运营与直播排期。' },
    { e: 'E3', title: '焊工（二保焊）', occ: '6.02', n: 8, min: 7000, max: 10000, edu: 'NONE', exp: 'Y3_5', region: '371311', approved: true, desc: '熟练二保焊，持焊工证。计件工资，多劳多得。' },
    { e: 'E3', title: '仓库管理员', occ: '4.02', n: 1, min: 4000, max: 5000, edu: '60', exp: 'NONE', region: '371311', approved: false, desc: '限男，35岁以下，本地户籍优先。负责原材料出入库登记。' },
  ];
  for (const p of demo) {
    const employerId = employers.get(p.e);
    if (!employerId) continue;
    await ds.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code, description,
                                contact_name, contact_phone, valid_until, status, reviewed_at, reviewed_by)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '张人事', '13805390001', (now() AT TIME ZONE 'Asia/Shanghai')::date + 60,
              CASE WHEN $11 THEN 'APPROVED' ELSE 'PENDING_REVIEW' END, CASE WHEN $11 THEN now() END, CASE WHEN $11 THEN $12::uuid END
        WHERE NOT EXISTS (SELECT 1 FROM job_posting WHERE employer_id = $1 AND title = $2)`,
      [employerId, p.title, p.occ, p.n, p.min, p.max, p.edu, p.exp, p.region, p.desc, p.approved, reviewer?.id ?? null],
    );
  }
}


const DEMO_CO_HOSTS = [
  ['共青团临沂市委', 'Linyi Communist Youth League Committee'],
  ['临沂市科学技术局', 'Linyi Science and Technology Bureau'],
  ['临沂市妇女联合会', "Linyi Women's Federation"],
  ['临沂市退役军人事务局', 'Linyi Veterans Affairs Bureau'],
  ['示例银行临沂分行', 'Example Bank, Linyi Branch'],
] as const;

/** A few published events in the coming weeks so the calendar and public pages have content. */
async function seedDemoEvents(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM event WHERE title LIKE '%（示例）'`);
  if (n > 0) return;
  const [organizer] = await ds.query(`SELECT id FROM app_user WHERE email = 'organizer@leye.demo'`);
  const venues: Array<{ id: string; name: string }> = await ds.query(`SELECT id, name FROM venue WHERE name LIKE '%（示例）'`);
  const venue = (prefix: string) => venues.find((v) => v.name.startsWith(prefix))?.id ?? null;
  const demo = [
    { days: 5, hour: 9, hours: 3, title: '兰山区春风行动综合招聘会（示例）', type: 'JOB_FAIR', subtype: 'GENERAL', region: '371302', venue: venue('临沂市人力资源市场'), cap: 2000 },
    { days: 9, hour: 14, hours: 2, title: '创业项目路演·第一期（示例）', type: 'ENTREPRENEURSHIP', subtype: 'ROADSHOW', region: '371312', venue: venue('临沂创业孵化基地'), cap: 200 },
    { days: 12, hour: 19, hours: 2, title: '“乐业临沂”直播带岗·商贸物流专场（示例）', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', region: '371300', venue: null, cap: 100000 },
    { days: 16, hour: 9, hours: 4, title: '木业产业专场招聘会（示例）', type: 'JOB_FAIR', subtype: 'INDUSTRY', region: '371302', venue: venue('临沂市人力资源市场'), cap: 1500 },
    { days: 20, hour: 19, hours: 2, title: '社区夜校·电商直播技能课（示例）', type: 'TRAINING', subtype: 'NIGHT_SCHOOL', region: '371325', venue: venue('费县人才市场'), cap: 60 },
  ];
  for (const e of demo) {
    const startsAt = new Date(Date.now() + e.days * 86400_000);
    startsAt.setUTCHours(e.hour - 8, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + e.hours * 3600_000);
    await ds.query(
      `INSERT INTO event (title, description, type, subtype, region_code, venue_id, is_online, online_url, capacity, starts_at, ends_at,
                          registration_opens_at, registration_closes_at, status, published_at, created_by, details)
       VALUES ($1, '演示数据：名称与场馆均为虚构。', $2, $3, $4, $5, $5::uuid IS NULL, CASE WHEN $5::uuid IS NULL THEN 'https://live.example.cn/leye' END,
               $6, $7, $8, now(), $7, 'PUBLISHED', now(), $9, $10)`,
      [e.title, e.type, e.subtype, e.region, e.venue, e.cap, startsAt, endsAt, organizer.id, e.subtype === 'INDUSTRY' ? { industry: '木业' } : {}],
    );
  }
}

/**
 * Booths: a floor plan of the Linyi HR market (two rows, A01–A10 and B01–B10; A01–A03 reserved for 专精特新 at
 * the spring fair), booking open on the spring fair, and two demo employers booked. Idempotent (keyed on the layout name).
 */
async function seedDemoBooths(ds: DataSource): Promise<void> {
  const [venue] = await ds.query(`SELECT id FROM venue WHERE name = '临沂市人力资源市场（示例）'`);
  if (!venue) return;
  const [existing] = await ds.query(`SELECT id FROM venue_layout WHERE venue_id = $1 AND name = '一楼大厅（示例）'`, [venue.id]);
  if (existing) return;
  const [layout] = await ds.query(`INSERT INTO venue_layout (venue_id, name, width, height) VALUES ($1, '一楼大厅（示例）', 42, 20) RETURNING id`, [venue.id]);
  // In metres, as the floor-plan editor draws them: a 42 × 20 m hall, 3 × 3 m booths, a 7 m aisle between the rows.
  for (const [row, y] of [['A', 3], ['B', 13]] as const) {
    for (let i = 1; i <= 10; i++) {
      await ds.query(
        `INSERT INTO booth (layout_id, code, zone, type, size_sqm, x, y, width, height) VALUES ($1, $2, $3, $4, 9, $5, $6, 3, 3)`,
        [layout.id, `${row}${String(i).padStart(2, '0')}`, `${row}区`, i === 1 || i === 10 ? 'CORNER' : i === 5 ? 'PREMIUM' : 'STANDARD', 1 + (i - 1) * 4, y],
      );
    }
  }
  const [fair] = await ds.query(`SELECT id, starts_at FROM event WHERE title = '兰山区春风行动综合招聘会（示例）' AND status = 'PUBLISHED'`);
  if (!fair) return;
  await ds.query(
    `INSERT INTO fair_booth_settings (event_id, layout_id, opens_at, closes_at, cancellation_deadline)
     VALUES ($1, $2, now() - interval '1 day', $3::timestamptz - interval '1 day', $3::timestamptz - interval '2 days') ON CONFLICT (event_id) DO NOTHING`,
    [fair.id, layout.id, fair.starts_at],
  );
  await ds.query(
    `INSERT INTO fair_booth_state (event_id, booth_id, state, reserved_category)
     SELECT $1, id, 'RESERVED', 'SPECIALIZED_NEW' FROM booth WHERE layout_id = $2 AND code IN ('A01','A02','A03') ON CONFLICT DO NOTHING`,
    [fair.id, layout.id],
  );
  const booked: Array<[string, string]> = [['MA3C00001', 'B01'], ['MA3C00003', 'B02']];
  for (const [serial, code] of booked) {
    await ds.query(
      `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, confirmed_at)
       SELECT $1, b.id, e.id, 'CONFIRMED', now() FROM booth b, employer e WHERE b.layout_id = $2 AND b.code = $3 AND e.credit_code LIKE $4
       ON CONFLICT DO NOTHING`,
      [fair.id, layout.id, code, `91______${serial}_`],
    );
  }
}

/**
 * The demo seeker's résumé and a few applications: one from the 兰山 spring fair already invited to an
 * interview, one online still waiting. Idempotent (one application per posting and seeker).
 */
async function seedDemoApplications(ds: DataSource): Promise<void> {
  const [seeker] = await ds.query(`SELECT id FROM app_user WHERE email = 'seeker@leye.demo'`);
  if (!seeker) return;
  await ds.query(
    `INSERT INTO seeker_resume (user_id, education, experience, intended_occupation, intended_region_code, introduction)
     VALUES ($1, '40', 'Y1_3', '6.05', '371302', '中专学历，两年板材加工经验，会操作封边机，能吃苦，可以倒班。')
     ON CONFLICT (user_id) DO NOTHING`,
    [seeker.id],
  );
  const [fair] = await ds.query(`SELECT id FROM event WHERE title = '兰山区春风行动综合招聘会（示例）' ORDER BY starts_at LIMIT 1`);
  const demo = [
    { title: '木工（板材加工）', source: fair ? 'FAIR' : 'ONLINE', eventId: fair?.id ?? null, status: 'INTERVIEW', note: '周末可以来面试。' },
    { title: '食品质检员', source: 'ONLINE', eventId: null, status: 'SUBMITTED', note: null },
    { title: '焊工（二保焊）', source: 'LIVESTREAM', eventId: null, status: 'VIEWED', note: null },
  ];
  for (const a of demo) {
    await ds.query(
      `INSERT INTO job_application (posting_id, seeker_id, employer_id, source, source_event_id, cover_note, status,
                                    applicant_name, applicant_phone, applicant_email, applicant_region_code,
                                    education, experience, intended_occupation, introduction, viewed_at, interview_at)
       SELECT p.id, u.id, p.employer_id, $3, $4, $5, $6, u.display_name, u.phone, u.email, u.region_code,
              r.education, r.experience, r.intended_occupation, r.introduction,
              CASE WHEN $6 IN ('VIEWED','INTERVIEW') THEN now() END, CASE WHEN $6 = 'INTERVIEW' THEN now() END
         FROM job_posting p, app_user u LEFT JOIN seeker_resume r ON r.user_id = u.id
        WHERE p.title = $2 AND p.status = 'APPROVED' AND u.id = $1
       ON CONFLICT ON CONSTRAINT job_application_once DO NOTHING`,
      [seeker.id, a.title, a.source, a.eventId, a.note, a.status],
    );
  }
}

/** Fictional mentor pool: 40 mentors across Linyi's counties, three studios, a few projects, sessions. Idempotent (certificate numbers, names). */
async function seedDemoMentors(ds: DataSource): Promise<void> {
  const studios = [
    ['沂蒙电商创业导师工作室（示例）', '371302', '2024-06-18'],
    ['临沂商城物流导师工作室（示例）', '371312', '2024-09-01'],
    ['费县林果产业导师工作室（示例）', '371325', '2025-03-12'],
  ] as const;
  const studioIds: string[] = [];
  for (const [name, region, on] of studios) {
    const [row] = await ds.query(
      `INSERT INTO mentor_studio (name, region_code, recognized_on, description) VALUES ($1, $2, $3, '经市人社局认定的示范性导师工作室（示例数据）')
       ON CONFLICT (name) DO UPDATE SET region_code = EXCLUDED.region_code RETURNING id`,
      [name, region, on],
    );
    studioIds.push(row.id);
  }
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = ['建国', '海燕', '志强', '丽娜', '明远', '晓东', '春梅', '立新', '文博', '静怡'];
  const orgs = ['临沂示例大学商学院', '沂蒙示例创业孵化器', '临沂示例律师事务所', '兰山示例会计师事务所', '临沂示例电商产业园', '临沂示例农业合作社联合社', '临沂示例银行小微金融部', '临沂示例物流集团'];
  const titles = ['副教授', '创始人', '合伙人律师', '注册会计师', '运营总监', '理事长', '客户经理', '总经理'];
  const expertise = [['ECOMMERCE', 'MARKETING'], ['MANAGEMENT', 'FINANCE'], ['LAW'], ['FINANCE'], ['ECOMMERCE', 'BRANDING'], ['AGRICULTURE', 'MARKETING'], ['FINANCE', 'LAW'], ['LOGISTICS', 'MANAGEMENT']];
  const industries = [['ECOMMERCE', 'TRADE'], ['SERVICES'], ['OTHER'], ['MANUFACTURING'], ['ECOMMERCE'], ['AGRICULTURE', 'FOOD'], ['AGRICULTURE'], ['LOGISTICS']];
  const regions = ['371302', '371311', '371312', '371321', '371322', '371323', '371324', '371325', '371326', '371327', '371328', '371329', '371300'];
  for (let i = 0; i < 40; i++) {
    const k = i % 8;
    const certified = i % 10 !== 9; // a few are not certified yet
    await ds.query(
      `INSERT INTO mentor (name, organisation, title, expertise, industries, region_code, bio, phone, email, certified_on, certificate_no, studio_id,
                           status, capacity, active_from, retired_on, source)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $11, $12, $13, '2024-01-01', CASE WHEN $12 = 'INACTIVE' THEN DATE '2025-06-30' END, 'IMPORT'
        WHERE NOT EXISTS (SELECT 1 FROM mentor WHERE phone = $8)`,
      [
        `${surnames[i % surnames.length]}${given[(i + Math.floor(i / surnames.length) * 3) % given.length]}`, orgs[k], titles[k], expertise[k], industries[k], regions[i % regions.length],
        '长期服务临沂创业者，熟悉本地产业（示例数据）。', `1390539${String(1000 + i).padStart(4, '0')}`,
        certified ? `2024-0${1 + (i % 9)}-15` : null, certified ? `LYCYDS-2024-${String(i + 1).padStart(3, '0')}` : null,
        i % 5 === 0 ? studioIds[i % 3] : null, i === 37 ? 'INACTIVE' : 'ACTIVE', 1 + (i % 3),
      ],
    );
  }
  await ds.query(
    `INSERT INTO mentor (name, organisation, title, expertise, industries, region_code, bio, phone, email, status, source)
     SELECT '孟申请', '临沂示例科技有限公司', '技术总监', '{TECHNOLOGY}', '{IT}', '371302', '希望加入导师库（示例申请）', '13905392999', NULL, 'APPLIED', 'APPLICATION'
      WHERE NOT EXISTS (SELECT 1 FROM mentor WHERE phone = '13905392999')`,
  );
  // The demo mentor account (刘导师) has a profile; the demo seeker founded a project it follows.
  const [mentorUser] = await ds.query(`SELECT id FROM app_user WHERE email = 'mentor@leye.demo'`);
  const [seeker] = await ds.query(`SELECT id, display_name FROM app_user WHERE email = 'seeker@leye.demo'`);
  if (!mentorUser || !seeker) return;
  await ds.query(
    `INSERT INTO mentor (user_id, name, organisation, title, expertise, industries, region_code, bio, phone, email, certified_on, certificate_no, studio_id, status, capacity, active_from, source)
     VALUES ($1, '刘导师', '临沂示例创业服务中心', '高级经济师', '{ECOMMERCE,MARKETING,FINANCE}', '{AGRICULTURE,ECOMMERCE}', '371300',
             '十年农产品电商经验，辅导过 30 多个返乡创业项目（示例数据）。', '13905390088', 'mentor@leye.demo', '2024-03-01', 'LYCYDS-2024-100', $2, 'ACTIVE', 4, '2024-03-01', 'CREATED')
     ON CONFLICT (user_id) DO NOTHING`,
    [mentorUser.id, studioIds[0]],
  );
  const [liu] = await ds.query(`SELECT id FROM mentor WHERE user_id = $1`, [mentorUser.id]);
  const projects = [
    { name: '沂蒙山小米直播助农（示例）', industry: 'AGRICULTURE', stage: 'STARTING', region: '371328', source: 'CONTEST', note: '临沂市创业大赛（示例）', tags: '{ECOMMERCE,MARKETING}', founder: true, follow: true },
    { name: '兰陵蔬菜冷链配送（示例）', industry: 'LOGISTICS', stage: 'GROWING', region: '371324', source: 'GUARANTEED_LOAN', note: '创业担保贷款申请人', tags: '{LOGISTICS,FINANCE}', founder: false, follow: true },
    { name: '郯城银杏文创（示例）', industry: 'CULTURE_TOURISM', stage: 'IDEA', region: '371322', source: 'INCUBATOR', note: '郯城创业孵化基地（示例）', tags: '{BRANDING,MARKETING}', founder: false, follow: false },
    { name: '费县板栗深加工（示例）', industry: 'FOOD', stage: 'STARTING', region: '371325', source: 'CONTEST', note: '返乡创业大赛（示例）', tags: '{MANUFACTURING,FINANCE}', founder: false, follow: false },
  ];
  for (const p of projects) {
    const exists = await ds.query(`SELECT id FROM startup_project WHERE name = $1`, [p.name]);
    if (exists.length) continue;
    const [row] = await ds.query(
      `INSERT INTO startup_project (name, industry, stage, region_code, source, source_note, needs, need_tags, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, '需要在定价、渠道和融资方面得到指导。', $7, now() - interval '90 days') RETURNING id`,
      [p.name, p.industry, p.stage, p.region, p.source, p.note, p.tags],
    );
    await ds.query(`INSERT INTO startup_project_founder (project_id, user_id, name) VALUES ($1, $2, $3)`, [row.id, p.founder ? seeker.id : null, p.founder ? seeker.display_name : '王创业']);
    if (!p.follow) continue;
    await ds.query(
      `INSERT INTO mentor_follow_up (mentor_id, project_id, status, goals, starts_on) VALUES ($1, $2, 'ACTIVE', '三个月内完成注册并打通线上销售渠道', current_date - 60)`,
      [liu.id, row.id],
    );
    for (const [days, confirmed] of [[45, true], [20, true], [6, false]] as const) {
      const [session] = await ds.query(
        `INSERT INTO coaching_session (mentor_id, project_id, held_at, duration_minutes, mode, topics, advice, next_on, confirmed_at, confirmed_by)
         VALUES ($1, $2, now() - make_interval(days => $3), 60, $4, '{定价,渠道}', '先做小批量试销，记录每单成本。', current_date + 7,
                 CASE WHEN $5 THEN now() - make_interval(days => $3 - 1) END, CASE WHEN $5 THEN $6::uuid END) RETURNING id`,
        [liu.id, row.id, days, days === 20 ? 'ONLINE' : 'ON_SITE', confirmed && p.founder, p.founder ? seeker.id : null],
      );
      if (days === 6) await ds.query(`INSERT INTO coaching_action (session_id, text, due_on) VALUES ($1, '整理三个月的成本和销量表', current_date + 5)`, [session.id]);
    }
  }
}

/**
 * Quota dashboard content: programmes held earlier this year across the counties (completed, online so
 * no venue is held) and the reported figures of the city bureau. Idempotent (keyed on the title suffix).
 */
async function seedDemoQuotaRecords(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM event WHERE title LIKE '%（示例·已举办）'`);
  if (n > 0) return;
  const [organizer] = await ds.query(`SELECT id FROM app_user WHERE email = 'organizer@leye.demo'`);
  if (!organizer) return;
  const regions = ['371300', '371302', '371311', '371312', '371321', '371322', '371323', '371324', '371325', '371326', '371327', '371328', '371329'];
  // type, subtype, title, how many, day step: fairs weekly-ish, campus trips monthly, salons and classes often.
  const programmes = [
    ['JOB_FAIR', 'GENERAL', '春风行动专场招聘会', 40, 8],
    ['CAMPUS_RECRUITING', 'UNIVERSITY_EXPRESS', '临沂—名校人才直通车', 7, 45],
    ['ENTREPRENEURSHIP', 'SALON', '创业沙龙', 52, 6],
    ['TRAINING', 'NIGHT_SCHOOL', '社区夜校微技能课', 60, 5],
  ] as const;
  for (const [type, subtype, title, count, step] of programmes) {
    await ds.query(
      `INSERT INTO event (title, description, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
       SELECT format('%s 第%s期（示例·已举办）', $1::text, i + 1), '演示数据：已举办的活动，供指标看板统计。', $2, $3, ($4::text[])[i % cardinality($4::text[]) + 1], true,
              'https://live.example.cn/leye', 300, s.at, s.at + interval '3 hours', 'COMPLETED', s.at - interval '7 days', $5
         FROM generate_series(0, $6 - 1) i
         CROSS JOIN LATERAL (SELECT date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' + (10 + i * $7) * interval '1 day' + interval '9 hours' AS at) s
        WHERE s.at + interval '3 hours' < now()`,
      [title, type, subtype, regions, organizer.id, count, step],
    );
  }
  // Reported figures of the city bureau (城镇新增就业, 高技能人才, 毕业生就业率), every month before this one.
  const figures: Array<[string, number, string]> = [
    ['urban-employment', 7600, '市人社局就业统计月报'],
    ['high-skill-workers', 1500, '市人社局职业能力建设科'],
    ['graduate-employment-rate', 90.6, '市教育局毕业生去向统计'],
  ];
  for (const [key, value, source] of figures) {
    await ds.query(
      `INSERT INTO quota_reported_figure (quota_id, month, value, source, entered_by)
       SELECT d.id, m::date, $2::numeric + (extract(month FROM m)::int % 3) * CASE WHEN $2::numeric > 100 THEN 150 ELSE 0.2 END, $3, $4
         FROM quota_definition d
         CROSS JOIN generate_series(date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai'), date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month', interval '1 month') m
        WHERE d.seed_key = $1 || ':' || extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int || ':371300'
       ON CONFLICT (quota_id, month) DO NOTHING`,
      [key, value, source, organizer.id],
    );
  }
}

/**
 * Attendance: gates 东门 / 西门 at the 兰山 spring fair with a door volunteer (volunteer@leye.demo, a 兰山 staff
 * account on door duty there only), the demo seeker's profile fields and registration for the 木业 fair, and a
 * few registrations for the spring fair. Idempotent (gate names, unique registrations, counters recomputed).
 */
async function seedDemoAttendance(ds: DataSource, passwordHash: string): Promise<void> {
  const [fair] = await ds.query(`SELECT id FROM event WHERE title = '兰山区春风行动综合招聘会（示例）' AND status = 'PUBLISHED' ORDER BY starts_at LIMIT 1`);
  const [wood] = await ds.query(`SELECT id FROM event WHERE title = '木业产业专场招聘会（示例）' AND status = 'PUBLISHED' ORDER BY starts_at LIMIT 1`);
  const [seeker] = await ds.query(`SELECT id FROM app_user WHERE email = 'seeker@leye.demo'`);
  if (!fair || !wood || !seeker) return;
  for (const name of ['东门', '西门']) {
    await ds.query(
      `INSERT INTO attendance_gate (event_id, name) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM attendance_gate WHERE event_id = $1 AND name = $2 AND removed_at IS NULL)`,
      [fair.id, name],
    );
  }
  const [volunteer] = await ds.query(
    `INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('HOST', '孙志愿（检票）', 'volunteer@leye.demo', $1, '371302')
     ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE SET display_name = app_user.display_name RETURNING id`,
    [passwordHash],
  );
  await ds.query(`INSERT INTO attendance_door_volunteer (event_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [fair.id, volunteer.id]);
  await ds.query(
    `UPDATE seeker_resume SET real_name = '赵求职', mobile = '13905391234', graduation_year = 2025, region_code = '371312', groups = ARRAY['RECENT_GRADUATE']
      WHERE user_id = $1 AND real_name IS NULL`,
    [seeker.id],
  );
  await ds.query(
    `INSERT INTO event_registration (event_id, user_id, name, phone, groups, status, registered_at)
     VALUES ($1, $2, '赵求职', '13905391234', ARRAY['RECENT_GRADUATE'], 'REGISTERED', now()) ON CONFLICT DO NOTHING`,
    [wood.id, seeker.id],
  );
  const people: Array<[string, string, string | null]> = [
    ['王建国', '13905390011', 'VETERAN'], ['李秀英', '13905390012', 'RURAL_WORKER'], ['张伟', '13905390013', 'RECENT_GRADUATE'],
    ['刘芳', '13905390014', null], ['陈静', '13905390015', 'HARD_TO_EMPLOY'], ['杨磊', '13905390016', 'RECENT_GRADUATE'],
  ];
  for (const [name, phone, group] of people) {
    await ds.query(
      `INSERT INTO event_registration (event_id, walk_in, name, phone, groups, status, registered_at) VALUES ($1, true, $2, $3, $4, 'REGISTERED', now()) ON CONFLICT DO NOTHING`,
      [fair.id, name, phone, group ? [group] : []],
    );
  }
  await ds.query(
    `INSERT INTO registration_count (target_id, registered, waitlisted)
     SELECT target_id, count(*) FILTER (WHERE status = 'REGISTERED'), count(*) FILTER (WHERE status = 'WAITLISTED') FROM event_registration
      WHERE target_id = ANY($1::uuid[]) GROUP BY target_id
     ON CONFLICT (target_id) DO UPDATE SET registered = EXCLUDED.registered, waitlisted = EXCLUDED.waitlisted`,
    [[fair.id, wood.id]],
  );
}
