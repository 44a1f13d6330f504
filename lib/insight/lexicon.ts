/**
 * Every word list and pattern of lib/insight in one place (docs/decisions/0020-change-insight.md).
 * Hand-written lexicons, Chinese and English, no model: what a reader of a privacy policy would look
 * for. Each entry says what it is for; change a list here and `npm run eval` reports the effect on
 * the hand-checked gold (lib/eval/gold/insight.json).
 */

import type { ChangeKind } from "../compare/types.ts";

/** What a change is: layout only, dates or version numbers only, or wording (lib/compare/types.ts). */
export type { ChangeKind } from "../compare/types.ts";

/** Ranked: a section's kind is the highest of its parts' kinds. */
export const KIND_RANK: Record<ChangeKind, number> = { cosmetic: 0, date: 1, substantive: 2 };

/**
 * Dates and version numbers: a change that only replaces matches of these (each becomes one
 * placeholder) is a "date" change. Applied to width-folded text (full-width digits are ASCII already).
 */
export const DATE_PATTERNS: readonly RegExp[] = [
  // 2021年12月30日, 2021 年 9 月, 二〇二一年十二月三十日
  /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*[日号])?)?/g,
  // 2021-12-30, 2021/12/30, 2021.12.30
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g,
  // December 30, 2021 / Dec. 30 2021 / 30 December 2021 / December 2021
  /(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}/gi,
  // V3.2.1, v2.0, 版本 5.1, version 2.3, 第3版
  /(?:\b[Vv]|版本号?[:：]?\s*|[Vv]ersion\s*)\d+(?:\.\d+)*/g,
  /第[\d一二三四五六七八九十]+版/g,
];

/** One topic: its id (stable, in URLs and the API) and the words that mark a section as about it. */
export interface TopicLexicon {
  id: TopicId;
  /** Chinese marks (substrings of width-folded, lower-cased text). */
  zh: readonly string[];
  /** English marks (matched at word starts, lower case). */
  en: readonly string[];
}

export const TOPIC_IDS = [
  "collection",
  "use",
  "sharing",
  "sdk",
  "permissions",
  "cookies",
  "storage",
  "security",
  "cross-border",
  "minors",
  "sensitive",
  "automated",
  "rights",
  "contact",
  "updates",
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/**
 * The topics of a privacy policy, in the order digests group them. A section gets a topic when its
 * title holds one of the marks, or its own text holds marks of it at least TOPIC_RULES.bodyHits times.
 */
export const TOPICS: readonly TopicLexicon[] = [
  {
    id: "collection",
    zh: ["收集", "采集", "获取您的", "提供的信息"],
    en: ["collect", "information we receive", "information you provide", "gather"],
  },
  {
    id: "use",
    zh: ["使用目的", "用途", "用于", "如何使用", "使用您的个人信息", "处理目的"],
    en: ["how we use", "use your", "purposes", "purpose of", "use of information"],
  },
  {
    id: "sharing",
    zh: ["共享", "转让", "公开披露", "披露", "委托处理", "提供给第三方"],
    en: ["share", "sharing", "disclose", "disclosure", "transfer of ownership", "third part", "sell", "merger"],
  },
  {
    id: "sdk",
    zh: ["sdk", "第三方软件", "软件开发工具包", "第三方服务商", "嵌入"],
    en: ["sdk", "software development kit", "third-party service provider", "plug-in", "plugin"],
  },
  {
    id: "permissions",
    zh: ["权限", "相机", "摄像头", "麦克风", "通讯录", "剪切板", "剪贴板", "相册", "系统权限"],
    en: ["permission", "camera", "microphone", "contacts list", "address book", "clipboard", "photo library"],
  },
  {
    id: "cookies",
    zh: ["cookie", "网络信标", "像素标签", "同类技术", "类似技术", "web beacon"],
    en: ["cookie", "web beacon", "pixel", "local storage", "similar technolog", "tracking technolog"],
  },
  {
    id: "storage",
    zh: ["存储", "保存", "保留", "留存", "存放", "保存期限", "存储期限", "存储地点"],
    en: ["retain", "retention", "store", "storage", "kept for", "keep your", "how long"],
  },
  {
    id: "security",
    zh: ["安全措施", "安全技术", "加密", "安全事件", "数据安全", "保护您的个人信息", "访问控制", "去标识化"],
    en: ["security", "encrypt", "safeguard", "protect your", "breach", "secure"],
  },
  {
    id: "cross-border",
    zh: ["跨境", "境外", "出境", "中华人民共和国境内", "其他国家"],
    en: [
      "cross-border",
      "international transfer",
      "outside the",
      "other countries",
      "transfer your data to",
      "transferred to",
    ],
  },
  {
    id: "minors",
    zh: ["未成年", "儿童", "未满14", "不满十四", "不满14", "监护人", "父母"],
    en: ["child", "minor", "under the age", "under 13", "under 16", "parent", "guardian", "teen"],
  },
  {
    id: "sensitive",
    zh: [
      "敏感个人信息",
      "敏感信息",
      "生物识别",
      "人脸",
      "面部",
      "指纹",
      "声纹",
      "虹膜",
      "身份证",
      "精确位置",
      "行踪轨迹",
      "银行卡",
      "银行账户",
      "财产信息",
      "金融账户",
      "健康",
      "医疗",
      "宗教",
    ],
    en: [
      "sensitive",
      "biometric",
      "face",
      "facial",
      "fingerprint",
      "precise location",
      "geolocation",
      "government id",
      "passport",
      "bank account",
      "financial",
      "health",
      "religio",
    ],
  },
  {
    id: "automated",
    zh: [
      "个性化推荐",
      "个性化推送",
      "自动化决策",
      "用户画像",
      "画像",
      "推荐算法",
      "个性化广告",
      "定向推送",
      "个性化展示",
    ],
    en: ["personaliz", "personalis", "recommend", "automated decision", "profiling", "targeted advertis", "tailored"],
  },
  {
    id: "rights",
    zh: [
      "访问",
      "查阅",
      "复制",
      "更正",
      "补充",
      "删除您的",
      "删除个人信息",
      "撤回",
      "注销",
      "管理您的个人信息",
      "您的权利",
      "可携带",
      "获取个人信息副本",
      "改变您授权",
    ],
    en: [
      "your rights",
      "right to",
      "access",
      "correct",
      "rectif",
      "delete your",
      "deletion",
      "erasure",
      "withdraw",
      "opt out",
      "opt-out",
      "close your account",
      "delete your account",
      "portability",
    ],
  },
  {
    id: "contact",
    zh: ["联系我们", "联系方式", "投诉", "举报", "客服", "电子邮件", "邮箱", "联系电话", "个人信息保护负责人"],
    en: [
      "contact us",
      "contact",
      "complaint",
      "email us",
      "e-mail",
      "data protection officer",
      "dpo",
      "supervisory authority",
    ],
  },
  {
    id: "updates",
    zh: ["本政策的更新", "本政策如何更新", "更新本政策", "修订", "变更", "更新日期", "生效日期", "如何更新"],
    en: ["changes to this", "update this", "updates to", "amend", "revis", "effective date", "last updated"],
  },
];

export const TOPIC_RULES = {
  /** Marks of one topic a section's own text (title excluded) must hold to get it. */
  bodyHits: 2,
  /** At most this many topics from a section's text (the most marked first); title topics always count. */
  maxBodyTopics: 3,
  /** A block (paragraph) gets a topic at this many marks. */
  blockHits: 1,
} as const;

/** Categories of key terms, in the order digests list them. */
export const TERM_CATEGORIES = ["permission", "sdk", "personal-info", "retention", "contact", "url"] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

/**
 * A term found by its synonyms: `term` is what the digest shows (the document's language), `match`
 * the forms found in text (width-folded; English matched case-insensitively at word boundaries).
 */
export interface LexiconTerm {
  term: string;
  match: readonly string[];
}

/** Device permissions a policy asks for. */
export const PERMISSIONS: readonly LexiconTerm[] = [
  { term: "相机", match: ["相机", "摄像头", "拍照权限", "拍摄权限"] },
  { term: "麦克风", match: ["麦克风", "录音权限", "话筒"] },
  { term: "位置", match: ["位置权限", "定位权限", "地理位置权限", "位置信息权限"] },
  { term: "通讯录", match: ["通讯录", "联系人权限"] },
  { term: "剪切板", match: ["剪切板", "剪贴板"] },
  { term: "存储", match: ["存储权限", "读写存储", "外部存储", "存储/相册"] },
  { term: "相册", match: ["相册"] },
  { term: "日历", match: ["日历"] },
  { term: "蓝牙", match: ["蓝牙"] },
  { term: "电话状态", match: ["电话状态", "电话权限", "读取电话"] },
  { term: "通知", match: ["通知权限", "推送权限"] },
  { term: "传感器", match: ["传感器"] },
  { term: "应用列表", match: ["应用列表", "已安装应用", "安装列表"] },
  { term: "camera", match: ["camera"] },
  { term: "microphone", match: ["microphone"] },
  { term: "location permission", match: ["location services", "location permission", "access to your location"] },
  { term: "contacts", match: ["contacts", "address book", "contact list"] },
  { term: "clipboard", match: ["clipboard"] },
  { term: "photos", match: ["photo library", "camera roll", "photos"] },
  { term: "calendar", match: ["calendar"] },
  { term: "Bluetooth", match: ["bluetooth"] },
  { term: "notifications", match: ["push notification", "notifications"] },
];

/** Categories of personal information. */
export const PERSONAL_INFO: readonly LexiconTerm[] = [
  { term: "手机号", match: ["手机号", "手机号码", "电话号码"] },
  { term: "身份证号", match: ["身份证号", "身份证件号码", "身份证件", "身份证"] },
  { term: "真实姓名", match: ["真实姓名", "姓名"] },
  { term: "IMEI", match: ["imei"] },
  { term: "OAID", match: ["oaid"] },
  { term: "Android ID", match: ["android id", "androidid", "android_id"] },
  { term: "MAC", match: ["mac地址", "mac 地址", "mac address", "（mac）", "(mac)"] },
  { term: "IMSI", match: ["imsi"] },
  { term: "IDFA", match: ["idfa"] },
  { term: "IP地址", match: ["ip地址", "ip 地址"] },
  { term: "人脸", match: ["人脸", "面部特征", "面部识别", "面容"] },
  { term: "指纹", match: ["指纹"] },
  { term: "声纹", match: ["声纹"] },
  { term: "位置", match: ["位置信息", "地理位置", "精确位置", "定位信息", "gps"] },
  { term: "银行卡", match: ["银行卡", "银行账户", "银行账号"] },
  { term: "支付信息", match: ["支付信息", "支付账号", "交易记录", "交易信息"] },
  { term: "通讯录信息", match: ["通讯录信息", "联系人信息"] },
  { term: "设备信息", match: ["设备信息", "设备标识", "设备型号"] },
  { term: "浏览记录", match: ["浏览记录", "浏览历史", "搜索记录"] },
  { term: "健康信息", match: ["健康", "病历", "医疗"] },
  { term: "学历", match: ["学历", "教育背景"] },
  { term: "phone number", match: ["phone number", "mobile number", "telephone number"] },
  { term: "email address", match: ["email address", "e-mail address"] },
  { term: "name", match: ["full name", "your name", "real name"] },
  { term: "date of birth", match: ["date of birth", "birthday", "birthdate"] },
  { term: "government ID", match: ["government id", "id card", "passport", "driver's license", "national id"] },
  { term: "face data", match: ["face data", "facial", "face recognition", "biometric"] },
  { term: "precise location", match: ["precise location", "geolocation", "location data", "location information"] },
  { term: "IP address", match: ["ip address"] },
  { term: "device identifiers", match: ["device identifier", "advertising id", "device id"] },
  { term: "payment information", match: ["payment information", "credit card", "bank account", "card number"] },
  { term: "photos and videos", match: ["photos and videos", "images and videos", "your photos"] },
  { term: "contacts data", match: ["contact list", "phone contacts", "address book"] },
];

/** Words around a duration that make it a retention period (the sentence must hold one). */
export const RETENTION_CONTEXT = /保存|保留|存储|留存|删除|匿名化|retain|retention|store|kept|keep|delete/i;
/** A duration: "180天", "3年", "六个月", "3 years", "30 days". */
export const DURATION =
  /(\d+|[一二两三四五六七八九十百]+)\s*(?:个)?\s*(天|日|周|个月|月|年)(?![前后内度])|\b(\d+|one|two|three|six|twelve|thirty|ninety)\s+(days?|weeks?|months?|years?)\b/gi;

/** E-mail addresses. */
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Telephone numbers: 400/800 lines, landlines with area code, mobiles, international forms. */
export const PHONE =
  /(?<![\d.])(?:[48]00[-\s]?\d{3}[-\s]?\d{4}|0\d{2,3}-\d{7,8}|1[3-9]\d{9}|\+\d{1,3}[\s-]\d[\d\s-]{6,14}\d)(?![\d.])/g;
/** Web addresses (http(s) and bare www.). */
export const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"'()（）[\]【】，。；、]+/gi;

/** The Wayback Machine's prefix of an archived link ("https://web.archive.org/web/20210907052137/"). */
export const ARCHIVE_PREFIX = /^https?:\/\/web\.archive\.org\/web\/\d+(?:[a-z_]+)?\//i;

/** Third-party SDK names: a name followed by "SDK" on a line naming SDKs. */
export const SDK_NAME = /([A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff.+·&\- ]{0,24}?)\s*SDK/g;
/** Words before an SDK name that are not part of it (the name is what follows the last of them). */
export const SDK_LEAD =
  /^.*(?:接入|使用|集成|嵌入|采用|提供|包含|包括|例如|如|的|了|和|与|及|或|、|，|,|：|:|（|\(|“|"|「|《)/;
/** "SDK names" that are not names. */
export const SDK_STOP = new Set([
  "第三方",
  "三方",
  "合作方",
  "合作伙伴",
  "授权合作伙伴",
  "该",
  "此类",
  "相关",
  "其他",
  "上述",
  "这些",
  "我们",
  "各",
  "软件开发工具包",
  "工具包",
  "third-party",
  "third party",
  "the",
  "our",
  "these",
  "such",
  "other",
  "any",
  "an",
  "a",
  "party",
  "software",
  "sdk",
  "of",
  "their",
]);
/** Header cells of SDK tables (never a name). */
export const SDK_TABLE_HEADER = /名称|name|目的|purpose|类型|type|收集|信息|官网|链接|link|提供方|公司|主体/i;
