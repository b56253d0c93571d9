# ruff: noqa: E501  (synthetic text data: one provision per line)
"""SYNTHETIC stand-in texts for three of the focus pacts, written for the tests.

Every sentence here is invented for treatydiff's tests: the layout (preamble, numbered
articles and paragraphs, final clauses) follows what the project's fact sheet says of
each treaty, and the content of the few provisions the tests look at follows the
fact sheet's summaries — but the wording is ours, not the treaties'. These are not
the treaties and must never be cited as them. Filler articles say only that they are
filler.
"""

from __future__ import annotations

HEADER = "SYNTHETIC STAND-IN TEXT written for treatydiff's tests; not the treaty's wording."


def _filler(number: int, lang: str) -> str:
    if lang == "ru":
        return f"Статья {number}\nСинтетическая статья-заполнитель номер {number} для тестов treatydiff.\n"
    return f"Article {number}\nSynthetic filler article number {number} for the tests of treatydiff.\n"


# --- ir-ru-2025: 47 articles, English and a Russian translation of the same synthetic text ----------

_EN_2025 = {
    1: "The Parties shall widen their relations in every field of common interest and coordinate closely on regional and world affairs.",
    3: "1. The Parties shall base their relations on sovereign equality, territorial integrity, independence and non-interference.\n"
    "2. The Parties shall promote these principles together at every level.\n"
    "3. Where one Party becomes the target of aggression, the other Party shall not give the aggressor any military or other assistance that would let the aggression go on, and shall help towards a settlement under the Charter of the United Nations and international law.\n"
    "4. Neither Party shall let its territory be used in support of separatist movements or for any hostile act against the other Party.",
    5: "1. The Parties shall hold joint exercises as agreed.\n2. The Parties shall exchange delegations.\n3. The Parties shall train personnel together.\n"
    "4. The Parties shall hold consultations on military and security threats that both face and act jointly against them.",
    9: "The Parties shall cooperate within the United Nations and regional international organisations.",
    12: "The Parties shall promote peace and security in the Caspian region, Central Asia, the South Caucasus and the Middle East.",
    14: "The Parties shall strengthen their cooperation in the Shanghai Cooperation Organisation.",
    15: "The Parties shall support each other in international forums and cooperate in BRICS, the Shanghai Cooperation Organisation and the Eurasian Economic Union.",
    19: "1. The Parties oppose unilateral coercive measures, extraterritorial ones included.\n"
    "2. Neither Party shall join restrictive measures or sanctions of a third party directed against the other Party.",
    30: "The Parties shall carry out long-term projects in the peaceful uses of nuclear energy, including the construction of nuclear power plants.",
    47: "1. This Treaty shall enter into force thirty days after the date of the last written notification of the completion of domestic procedures.\n"
    "2. This Treaty is concluded for twenty years and shall be extended automatically for further five-year periods.\n"
    "3. Either Party may terminate this Treaty by written notice; termination takes effect one year after the notice is received.",
}
_RU_2025 = {
    1: "Стороны расширяют отношения во всех областях, представляющих общий интерес, и тесно координируют действия по региональным и мировым делам.",
    3: "1. Стороны строят отношения на основе суверенного равенства, территориальной целостности, независимости и невмешательства.\n"
    "2. Стороны совместно содействуют этим принципам на всех уровнях.\n"
    "3. Если одна из Сторон становится объектом агрессии, другая Сторона не оказывает агрессору военной или иной помощи, позволяющей агрессии продолжаться, и содействует урегулированию на основе Устава Организации Объединенных Наций и международного права.\n"
    "4. Ни одна из Сторон не позволяет использовать свою территорию для поддержки сепаратистских движений или для любых враждебных действий против другой Стороны.",
    5: "1. Стороны проводят совместные учения по договоренности.\n2. Стороны обмениваются делегациями.\n3. Стороны совместно обучают персонал.\n"
    "4. Стороны проводят консультации по военным угрозам и угрозам безопасности, с которыми они сталкиваются, и действуют совместно против них.",
    9: "Стороны сотрудничают в рамках Организации Объединенных Наций и региональных международных организаций.",
    12: "Стороны содействуют миру и безопасности в Каспийском регионе, Центральной Азии, Южном Кавказе и на Ближнем Востоке.",
    14: "Стороны укрепляют сотрудничество в Шанхайской организации сотрудничества.",
    15: "Стороны поддерживают друг друга на международных форумах и сотрудничают в БРИКС, Шанхайской организации сотрудничества и Евразийском экономическом союзе.",
    19: "1. Стороны выступают против односторонних принудительных мер, включая экстерриториальные.\n"
    "2. Ни одна из Сторон не присоединяется к ограничительным мерам или санкциям третьей стороны, направленным против другой Стороны.",
    30: "Стороны осуществляют долгосрочные проекты в области мирного использования атомной энергии, включая строительство атомных электростанций.",
    47: "1. Настоящий Договор вступает в силу через тридцать дней после даты последнего письменного уведомления о выполнении внутригосударственных процедур.\n"
    "2. Настоящий Договор заключается на двадцать лет и автоматически продлевается на последующие пятилетние периоды.\n"
    "3. Каждая из Сторон может прекратить действие настоящего Договора письменным уведомлением; прекращение вступает в силу через год после получения уведомления.",
}


def _assemble(
    title: str, preamble: str, articles: dict[int, str], count: int, lang: str, closing: str
) -> str:
    heading = "Статья" if lang == "ru" else "Article"
    parts = [title, "", HEADER, "", preamble, ""]
    for number in range(1, count + 1):
        parts.append(
            f"{heading} {number}\n{articles[number]}\n" if number in articles else _filler(number, lang)
        )
    parts += [closing, ""]
    return "\n".join(parts)


def ir_ru_2025(lang: str) -> str:
    """The synthetic 47-article stand-in for ir-ru-2025, in ``en`` or ``ru``."""
    if lang == "ru":
        return _assemble(
            "Синтетический договор о всеобъемлющем стратегическом партнерстве",
            "Стороны, желая поднять отношения на долгосрочный стратегический уровень,\n\nсогласились о нижеследующем:",
            _RU_2025, 47, "ru", "Совершено в двух экземплярах (синтетический текст).",
        )  # fmt: skip
    return _assemble(
        "Synthetic Treaty on Comprehensive Strategic Partnership",
        "The Parties, wishing to raise their relations to a long-term strategic level,\n\nhave agreed as follows:",
        _EN_2025, 47, "en", "Done in two copies (synthetic text).",
    )  # fmt: skip


# --- ir-ru-2001: 21 articles, Russian ----------------------------------------------------------------

_RU_2001 = {
    1: "Стороны решают международные проблемы на основе принципов Устава ООН: суверенитета, политической независимости, территориальной целостности и невмешательства во внутренние дела.",
    2: "Стороны отказываются от применения силы или угрозы силой в отношениях друг с другом.",
    3: "Если одна из Сторон подвергнется агрессии со стороны какого-либо государства, другая Сторона не будет оказывать агрессору военной или иной помощи, способствующей продолжению агрессии, и будет содействовать урегулированию спора на основе Устава ООН и международного права.",
    4: "Ни одна из Сторон не допускает использования своей территории для агрессии, подрывной или сепаратистской деятельности против другой Стороны.",
    5: "Стороны развивают совместную деятельность на Каспийском море.",
    6: "Стороны сотрудничают в области энергетики, включая атомную энергетику и строительство атомных электростанций.",
    21: "1. Настоящий Договор подлежит ратификации и вступает в силу в день обмена ратификационными грамотами.\n"
    "2. Настоящий Договор действует в течение десяти лет и продлевается автоматически на последующие пятилетние периоды, если ни одна из Сторон не уведомит письменно о своем намерении прекратить его действие не менее чем за год до истечения очередного периода.",
}


def ir_ru_2001() -> str:
    """The synthetic 21-article Russian stand-in for ir-ru-2001."""
    return _assemble(
        "Синтетический договор об основах взаимоотношений",
        "Стороны, желая расширять отношения на долгосрочной основе,\n\nсогласились о нижеследующем:",
        _RU_2001, 21, "ru", "Совершено в двух экземплярах (синтетический текст).",
    )  # fmt: skip


# --- ru-kp-2024: 23 articles, Russian ----------------------------------------------------------------

_RU_2024 = {
    1: "Стороны поддерживают постоянное всеобъемлющее стратегическое партнерство на основе уважения суверенитета, территориальной целостности, невмешательства во внутренние дела и равенства.",
    3: "Если одной из Сторон угрожает непосредственная угроза вооруженной агрессии, Стороны по просьбе любой из них незамедлительно задействуют каналы двусторонних консультаций и согласуют практические меры взаимной помощи для устранения угрозы.",
    4: "Если одна из Сторон окажется в состоянии войны вследствие вооруженного нападения одного или нескольких государств, другая Сторона без промедления предоставляет ей военную и иную помощь, используя все доступные ей средства, в соответствии со статьей 51 Устава ООН и законодательством Сторон.",
    5: "Каждая из Сторон не заключает с третьими государствами договоров и не участвует в действиях, направленных против суверенитета, безопасности и территориальной неприкосновенности другой Стороны.",
    6: "Ни одна из Сторон не допускает использования своей территории третьими государствами для враждебных действий в ущерб безопасности другой Стороны.",
    10: "Стороны развивают торговлю и совместные исследования, включая мирное использование атомной энергии.",
    13: "Стороны сотрудничают в Организации Объединенных Наций и других международных организациях и поддерживают вступление друг друга в них.",
    16: "Стороны выступают против односторонних принудительных мер, включая экстерриториальные, и ограничивают их воздействие на взаимные связи.",
    22: "Настоящий Договор подлежит ратификации и вступает в силу в день обмена ратификационными грамотами.",
    23: "Со дня вступления в силу настоящего Договора прекращает действие Договор от 9 февраля 2000 года. Настоящий Договор заключается бессрочно; каждая из Сторон может прекратить его действие письменным уведомлением другой Стороны.",
}


def ru_kp_2024() -> str:
    """The synthetic 23-article Russian stand-in for ru-kp-2024."""
    return _assemble(
        "Синтетический договор о всеобъемлющем стратегическом партнерстве",
        "Стороны, стремясь к прочному миру и безопасности,\n\nсогласились о нижеследующем:",
        _RU_2024, 23, "ru", "Совершено в двух экземплярах (синтетический текст).",
    )  # fmt: skip
