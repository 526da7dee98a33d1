-- The canonical tables of the archive: the one source of truth for column names, types and natural keys.
-- Ingest, curation and every metric read their column lists from these statements (loaded into an
-- in-memory DuckDB and described), so a column is added here and nowhere else.
-- PRIMARY KEY marks the natural key: in curated data the latest accession wins per key.
-- Codes are stored as received in Chinese (本科, 休学, 正常…), the words the archive's users know;
-- the UI translates them for the English view.

CREATE TABLE students (
  student_id      VARCHAR NOT NULL,          -- 学号
  name            VARCHAR,                   -- 姓名 (masked for roles that may not see it)
  gender          VARCHAR,                   -- 男 / 女
  birth_date      DATE,
  province        VARCHAR,                   -- 生源省份
  entry_year      INTEGER NOT NULL,          -- 年级: the entry cohort, for life
  level           VARCHAR NOT NULL,          -- 本科 / 专科 / 硕士 / 博士
  duration_years  INTEGER NOT NULL,          -- 学制
  college         VARCHAR NOT NULL,
  major           VARCHAR NOT NULL,
  class_name      VARCHAR,
  admission_type  VARCHAR,                   -- 统招 / 专升本 / 保送 …
  entrance_score  DOUBLE,                    -- 高考总分
  status          VARCHAR NOT NULL,          -- 在读 / 休学 / 保留学籍 / 退学 / 毕业 / 结业 / 肄业 …
  PRIMARY KEY (student_id)
);

CREATE TABLE grades (
  student_id      VARCHAR NOT NULL,
  academic_year   INTEGER NOT NULL,          -- start year: 2019 means 2019-2020
  term            INTEGER NOT NULL,          -- 1, 2, or 3 (summer)
  course_id       VARCHAR NOT NULL,
  course_name     VARCHAR NOT NULL,
  course_nature   VARCHAR,                   -- 必修 / 选修 / 公共必修 …
  credits         DOUBLE NOT NULL,
  score           DOUBLE,                    -- percentage scale after conversion; NULL when there is no result (缓考)
  grade_text      VARCHAR,                   -- the grade as received: 87, 良, 缺考 …
  grade_point     DOUBLE,
  exam_type       VARCHAR NOT NULL,          -- 正常 / 补考 / 重修 / 缓考
  teaching_dept   VARCHAR,
  PRIMARY KEY (student_id, course_id, academic_year, term, exam_type)
);

CREATE TABLE status_changes (
  change_id                 VARCHAR NOT NULL,
  student_id                VARCHAR NOT NULL,
  change_type               VARCHAR NOT NULL,   -- 休学 / 复学 / 保留学籍 / 恢复学籍 / 退学 / 转专业 / 转学 / 降级 / 延期毕业 …
  reason                    VARCHAR,
  effective_date            DATE NOT NULL,
  from_college              VARCHAR,
  from_major                VARCHAR,
  from_class                VARCHAR,
  from_expected_graduation  INTEGER,
  to_college                VARCHAR,
  to_major                  VARCHAR,
  to_class                  VARCHAR,
  to_expected_graduation    INTEGER,
  document_no               VARCHAR,
  PRIMARY KEY (change_id)
);

CREATE TABLE graduations (
  student_id              VARCHAR NOT NULL,
  outcome                 VARCHAR NOT NULL,   -- 毕业 / 结业 / 肄业
  outcome_date            DATE NOT NULL,
  degree_awarded          BOOLEAN NOT NULL,
  degree_type             VARCHAR,            -- 工学学士 …
  diploma_no              VARCHAR,
  degree_certificate_no   VARCHAR,
  PRIMARY KEY (student_id)
);

CREATE TABLE awards_punishments (
  record_id     VARCHAR NOT NULL,
  student_id    VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,             -- 国家奖学金 / 三好学生 / 警告 / 记过 / 留校察看 …
  level         VARCHAR,                      -- 国家级 / 省级 / 校级 / 院级
  date          DATE NOT NULL,
  revoked_date  DATE,
  PRIMARY KEY (record_id)
);

CREATE TABLE utilization (
  request_id        VARCHAR NOT NULL,
  requested_at      TIMESTAMP NOT NULL,
  completed_at      TIMESTAMP,
  requester_type    VARCHAR,                  -- 在校生 / 校友 / 教职工 / 校内部门 / 用人单位 / 政府机关
  purpose           VARCHAR,                  -- 出国留学 / 学历学位认证 / 就业入职 / … / 查找 / 其他
  archive_category  VARCHAR,                  -- 学籍 / 文书 / 教学 / 科研 …
  channel           VARCHAR,                  -- 现场 / 委托代办 / 邮寄 / PC端 / 移动端 / 自助终端
  delivery          VARCHAR,                  -- 纸质复印 / 电子件 / 盖章认证件 / 中英文成绩单
  items             INTEGER,                  -- 卷次
  pages             INTEGER,                  -- 页数
  status            VARCHAR,                  -- 已完成 / 处理中 / 已拒绝
  student_id        VARCHAR,                  -- the subject, if any
  PRIMARY KEY (request_id)
);
