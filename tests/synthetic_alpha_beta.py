# synthetic: an invented bilateral treaty between an invented "Republic of Alpha" and
# "Kingdom of Beta", written for these tests in English, Russian, Persian and Korean.
# No wording is taken from any real treaty. Each version follows its language's
# official layout: "Article 1" / "Статья 1" / "ماده ۱ - …" / "제1조(…)", paragraphs
# "1." / "1." / "۱-" / "①", points "(a)" / "а)" / "الف)" / "가.".
"""The synthetic Alpha–Beta trade agreement in one language (``python tests/synthetic_alpha_beta.py fa``)."""

from __future__ import annotations

import sys

LANGS = ("en", "ru", "fa", "ko")

TITLE = {
    "en": "AGREEMENT BETWEEN THE REPUBLIC OF ALPHA AND THE KINGDOM OF BETA ON TRADE IN WIDGETS",
    "ru": "СОГЛАШЕНИЕ МЕЖДУ РЕСПУБЛИКОЙ АЛЬФА И КОРОЛЕВСТВОМ БЕТА О ТОРГОВЛЕ ВИДЖЕТАМИ",
    "fa": "موافقت‌نامه تجارت ویجت میان جمهوری آلفا و پادشاهی بتا",
    "ko": "알파와 베타 간의 무역 협정",
}
RECITALS = {
    "en": [
        'The Republic of Alpha and the Kingdom of Beta, hereinafter referred to as "the Parties",',
        "Desiring to strengthen the trade relations between their two countries,",
        "Recognising the importance of transparency for trade in widgets,",
        "Have agreed as follows:",
    ],
    "ru": [
        "Республика Альфа и Королевство Бета, именуемые в дальнейшем «Стороны»,",
        "стремясь укрепить торговые отношения между двумя странами,",
        "признавая значение открытости для торговли виджетами,",
        "согласились о нижеследующем:",
    ],
    "fa": [
        "جمهوری آلفا و پادشاهی بتا که از این پس «طرفین» نامیده می‌شوند،",
        "با تمایل به تحکیم روابط تجاری میان دو کشور،",
        "با درک اهمیت شفافیت برای تجارت ویجت،",
        "به شرح زیر توافق کردند:",
    ],
    "ko": [
        "알파 공화국과 베타 왕국(이하 “당사국”이라 한다)은,",
        "양국 간의 무역 관계를 강화하기를 희망하며,",
        "위젯 무역에 있어 투명성의 중요성을 인식하여,",
        "다음과 같이 합의하였다.",
    ],
}
CHAPTERS = {  # chapter number → (first article, caption per language)
    1: (1, {"en": "GENERAL PROVISIONS", "ru": "ОБЩИЕ ПОЛОЖЕНИЯ", "fa": "مقررات عمومی", "ko": "총칙"}),
    2: (
        4,
        {
            "en": "TRADE IN GOODS AND SERVICES",
            "ru": "ТОРГОВЛЯ ТОВАРАМИ И УСЛУГАМИ",
            "fa": "تجارت کالا و خدمات",
            "ko": "상품 및 서비스 무역",
        },
    ),
    3: (
        18,
        {
            "en": "INSTITUTIONAL AND FINAL PROVISIONS",
            "ru": "ИНСТИТУЦИОНАЛЬНЫЕ И ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ",
            "fa": "مقررات نهادی و نهایی",
            "ko": "제도 및 최종 규정",
        },
    ),
}
CAPTIONS = [  # en, ru, fa, ko
    ("Objectives", "Цели", "اهداف", "목적"),
    ("Definitions", "Определения", "تعاریف", "정의"),
    ("Scope", "Сфера применения", "دامنه شمول", "적용범위"),
    ("Customs Duties", "Таможенные пошлины", "حقوق گمرکی", "관세"),
    ("Export Duties", "Экспортные пошлины", "عوارض صادراتی", "수출세"),
    ("Quantitative Restrictions", "Количественные ограничения", "محدودیت‌های کمی", "수량제한"),
    ("Rules of Origin", "Правила происхождения", "قواعد مبدأ", "원산지 규정"),
    ("Customs Cooperation", "Таможенное сотрудничество", "همکاری گمرکی", "세관 협력"),
    ("Sanitary Measures", "Санитарные меры", "اقدامات بهداشتی", "위생 조치"),
    ("Technical Regulations", "Технические регламенты", "مقررات فنی", "기술 규정"),
    ("Transit", "Транзит", "ترانزیت", "통과"),
    ("Payments", "Платежи", "پرداخت‌ها", "지급"),
    ("Services", "Услуги", "خدمات", "서비스"),
    ("Investment", "Инвестиции", "سرمایه‌گذاری", "투자"),
    ("Competition", "Конкуренция", "رقابت", "경쟁"),
    ("Intellectual Property", "Интеллектуальная собственность", "مالکیت فکری", "지식재산"),
    ("Safeguards", "Защитные меры", "اقدامات حفاظتی", "긴급수입제한"),
    ("Joint Committee", "Совместный комитет", "کمیته مشترک", "공동위원회"),
    ("Consultations", "Консультации", "مشورت‌ها", "협의"),
    ("Dispute Settlement", "Разрешение споров", "حل و فصل اختلافات", "분쟁해결"),
    ("Amendments", "Изменения", "اصلاحات", "개정"),
    ("Entry into Force", "Вступление в силу", "لازم‌الاجرا شدن", "발효"),
]
ONE = {
    "en": "The Parties shall develop their cooperation in accordance with this Article.",
    "ru": "Стороны развивают сотрудничество в соответствии с настоящей статьей.",
    "fa": "طرفین همکاری خود را مطابق این ماده گسترش می‌دهند.",
    "ko": "양 당사국은 이 조에 따라 협력을 발전시킨다.",
}
TWO = {
    "en": (
        "Each Party shall apply this Article in good faith.",
        "The Parties shall exchange information on the application of this Article.",
    ),
    "ru": (
        "Каждая Сторона добросовестно применяет настоящую статью.",
        "Стороны обмениваются информацией о применении настоящей статьи.",
    ),
    "fa": ("هر طرف این ماده را با حسن نیت اجرا می‌کند.", "طرفین درباره اجرای این ماده اطلاعات مبادله می‌کنند."),
    "ko": ("각 당사국은 이 조를 성실하게 적용한다.", "양 당사국은 이 조의 적용에 관한 정보를 교환한다."),
}
LEAD = {
    "en": "For the purposes of this Article, each Party shall:",
    "ru": "Для целей настоящей статьи каждая Сторона:",
    "fa": "برای اجرای این ماده، هر طرف:",
    "ko": "이 조의 목적상 각 당사국은 다음 각 목의 조치를 한다.",
}
POINTS = {
    "en": (
        "publish its laws and regulations;",
        "notify the other Party of any change;",
        "designate a contact point; and",
        "respond to requests without delay.",
    ),
    "ru": (
        "публикует свои законы и правила;",
        "уведомляет другую Сторону о любых изменениях;",
        "назначает контактный пункт; и",
        "без промедления отвечает на запросы.",
    ),
    "fa": (
        "قوانین و مقررات خود را منتشر می‌کند؛",
        "طرف دیگر را از هر تغییری مطلع می‌کند؛",
        "یک مرکز تماس تعیین می‌کند؛ و",
        "بدون تأخیر به درخواست‌ها پاسخ می‌دهد.",
    ),
    "ko": (
        "법령을 공표한다;",
        "변경 사항을 상대 당사국에 통보한다;",
        "연락처를 지정한다;",
        "요청에 지체 없이 응답한다.",
    ),
}
AFTER = {
    "en": "Nothing in this Article shall affect the rights of the Parties under other agreements.",
    "ru": "Ничто в настоящей статье не затрагивает прав Сторон по другим соглашениям.",
    "fa": "هیچ یک از مقررات این ماده به حقوق طرفین بر اساس سایر موافقت‌نامه‌ها لطمه نمی‌زند.",
    "ko": "이 조의 어떠한 규정도 다른 협정에 따른 당사국의 권리에 영향을 미치지 아니한다.",
}
TERM = {
    "en": "term number {k} has its ordinary meaning",
    "ru": "термин номер {k} имеет обычное значение",
    "fa": "اصطلاح شماره {k} معنای معمول خود را دارد",
    "ko": "제{k}번 용어는 통상적 의미를 가진다",
}
TERM_LEAD = {
    "en": "For the purposes of this Agreement:",
    "ru": "Для целей настоящего Соглашения:",
    "fa": "از نظر این موافقت‌نامه:",
    "ko": "이 협정의 목적상 다음 각 목과 같다.",
}
CLOSING = {
    "en": [
        "IN WITNESS WHEREOF, the undersigned, being duly authorised thereto by their respective"
        " Governments, have signed this Agreement.",
        "Done at Gamma on the first day of May of the year two thousand and twenty-four, in duplicate,"
        " in the English, Russian, Persian and Korean languages, all texts being equally authentic.",
        "For the Republic of Alpha",
        "For the Kingdom of Beta",
    ],
    "ru": [
        "В удостоверение чего нижеподписавшиеся, должным образом на то уполномоченные своими"
        " правительствами, подписали настоящее Соглашение.",
        "Совершено в городе Гамма первого мая две тысячи двадцать четвертого года в двух экземплярах,"
        " каждый на английском, русском, персидском и корейском языках, причем все тексты имеют"
        " одинаковую силу.",
        "За Республику Альфа",
        "За Королевство Бета",
    ],
    "fa": [
        "در تأیید مراتب فوق، امضاکنندگان زیر که از سوی دولت‌های خود به‌طور مقتضی مجاز هستند، این"
        " موافقت‌نامه را امضا کردند.",
        "این موافقت‌نامه در شهر گاما در تاریخ اول ماه مه سال دو هزار و بیست و چهار در دو نسخه به"
        " زبان‌های انگلیسی، روسی، فارسی و کره‌ای تنظیم شد و همه متون از اعتبار یکسان برخوردارند.",
        "از طرف جمهوری آلفا",
        "از طرف پادشاهی بتا",
    ],
    "ko": [
        "이상의 증거로, 아래 서명자는 각자의 정부로부터 정당하게 권한을 위임받아 이 협정에 서명하였다.",
        "2024년 5월 1일 감마에서 동등하게 정본인 영어, 러시아어, 페르시아어 및 한국어로 각 2부씩 작성되었다.",
        "알파 공화국을 위하여",
        "베타 왕국을 위하여",
    ],
}
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_FA_LETTERS = ("الف", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ی")
_KO_LETTERS = "가나다라마바사아자차"
_RU_LETTERS = "абвгдежзик"
_ROMAN = ("I", "II", "III")
_FA_ORDINALS = ("اول", "دوم", "سوم")
_CIRCLED = "①②③"
ARTICLES = len(CAPTIONS)
TERMS = 10
"""Article 2 defines ten terms: points (a) … (j), so that "(i)" after "(h)" is a letter."""


def _fa(number: int) -> str:
    return str(number).translate(_PERSIAN_DIGITS)


def _article_heading(lang: str, n: int) -> list[str]:
    caption = CAPTIONS[n - 1][LANGS.index(lang)]
    return {
        "en": [f"Article {n}", caption],
        "ru": [f"Статья {n}", caption],
        "fa": [f"ماده {_fa(n)} - {caption}"],
        "ko": [f"제{n}조({caption})"],
    }[lang]


def _chapter_heading(lang: str, n: int) -> list[str]:
    caption = CHAPTERS[n][1][lang]
    return {
        "en": [f"CHAPTER {_ROMAN[n - 1]}", caption],
        "ru": [f"ГЛАВА {_ROMAN[n - 1]}", caption],
        "fa": [f"فصل {_FA_ORDINALS[n - 1]} - {caption}"],
        "ko": [f"제{n}장 {caption}"],
    }[lang]


def _paragraph(lang: str, n: int, text: str) -> str:
    marker = {"en": f"{n}.", "ru": f"{n}.", "fa": f"{_fa(n)}-", "ko": _CIRCLED[n - 1]}[lang]
    return f"{marker} {text}"


def _point(lang: str, k: int, text: str) -> str:
    return {
        "en": f"({chr(ord('a') + k)}) {text}",
        "ru": f"{_RU_LETTERS[k]}) {text}",
        "fa": f"{_FA_LETTERS[k]}) {text}",
        "ko": f"{_KO_LETTERS[k]}. {text}",
    }[lang]


def _body(lang: str, n: int) -> list[str]:
    if n == 2:
        end = {"en": ";", "ru": ";", "fa": "؛", "ko": ";"}[lang]
        terms = [
            _point(
                lang,
                k,
                TERM[lang].format(k=_fa(k + 1) if lang == "fa" else k + 1) + (end if k < TERMS - 1 else "."),
            )
            for k in range(TERMS)
        ]
        return [TERM_LEAD[lang], *terms]
    if n % 3 == 1:
        return [ONE[lang]]
    if n % 3 == 2:
        return [_paragraph(lang, i + 1, text) for i, text in enumerate(TWO[lang])]
    points = [_point(lang, k, text) for k, text in enumerate(POINTS[lang])]
    return [_paragraph(lang, 1, LEAD[lang]), *points, _paragraph(lang, 2, AFTER[lang])]


def render(lang: str) -> str:
    """The whole treaty in ``lang`` (en, ru, fa or ko), one paragraph or point per line."""
    blocks: list[str] = [TITLE[lang], *RECITALS[lang]]
    starts = {first: number for number, (first, _) in CHAPTERS.items()}
    for n in range(1, ARTICLES + 1):
        if n in starts:
            blocks.append("\n".join(_chapter_heading(lang, starts[n])))
        blocks.append("\n".join(_article_heading(lang, n)) + "\n" + "\n".join(_body(lang, n)))
    blocks.extend(CLOSING[lang])
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(sys.argv[1] if len(sys.argv) > 1 else "en"))
