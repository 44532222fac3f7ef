"""Translations of reach's "what happens with your information" practices (directory/information.py)
and of Veilig Thuis Utrecht's public note (directory/corrections.py): machine-made, for a native review.
scripts/translations/gen_reach.py writes them into fixtures/translations/directory/."""

# code -> field -> [pl, ro, bg, uk, ar]
PRACTICES = {
    "police": {
        "name": ["Policja", "Poliția", "Полиция", "Поліція", "الشرطة"],
        "passes_on_note": [
            "To jest sama policja. Zawiadomienie nie jest warunkiem otrzymania pomocy.",
            "Este chiar poliția. Plângerea nu este o condiție pentru a primi ajutor.",
            "Това е самата полиция. Жалбата не е условие за помощ.",
            "Це сама поліція. Заява не є умовою для отримання допомоги.",
            "هذه هي الشرطة نفسها. تقديم شكوى رسمية ليس شرطًا للحصول على المساعدة.",
        ],
        "note": [
            "Anonimowo możesz zgłosić w Meld Misdaad Anoniem: 0800-7000.",
            "Anonim poți semnala la Meld Misdaad Anoniem: 0800-7000.",
            "Анонимен сигнал можеш да подадеш до Meld Misdaad Anoniem: 0800-7000.",
            "Анонімно можна повідомити до Meld Misdaad Anoniem: 0800-7000.",
            "للإبلاغ دون ذكر اسمك اتصل بـMeld Misdaad Anoniem: 0800-7000.",
        ],
    },
    "labour_inspectorate": {
        "name": [
            "Inspekcja Pracy (Nederlandse Arbeidsinspectie)",
            "Inspecția Muncii (Nederlandse Arbeidsinspectie)",
            "Инспекция по труда (Nederlandse Arbeidsinspectie)",
            "Трудова інспекція (Nederlandse Arbeidsinspectie)",
            "هيئة تفتيش العمل (Nederlandse Arbeidsinspectie)",
        ],
        "passes_on_note": [
            "Zgłoszenie może prowadzić do śledztwa prowadzonego przez własną służbę śledczą inspekcji.",
            "O semnalare poate duce la o anchetă penală a serviciului de anchetă al inspecției.",
            "Сигналът може да доведе до наказателно разследване от разследващата служба на инспекцията.",
            "Повідомлення може призвести до кримінального розслідування власною слідчою службою інспекції.",
            "قد يؤدي البلاغ إلى تحقيق جنائي تجريه دائرة التحقيق التابعة للهيئة.",
        ],
    },
    "anonymous_reporting": {
        "name": [
            "Meld Misdaad Anoniem (anonimowe zgłaszanie przestępstw)",
            "Meld Misdaad Anoniem (semnalarea anonimă a infracțiunilor)",
            "Meld Misdaad Anoniem (анонимни сигнали за престъпления)",
            "Meld Misdaad Anoniem (анонімні повідомлення про злочини)",
            "Meld Misdaad Anoniem (الإبلاغ عن الجرائم دون ذكر الاسم)",
        ],
        "passes_on_note": [
            "M. przekazuje twoje zgłoszenie policji lub innej instytucji, bez twoich danych.",
            "M. transmite semnalarea ta poliției sau altei instituții, fără datele tale.",
            "M. предава сигнала ти на полицията или на друга институция, без твоите данни.",
            "M. передає ваше повідомлення поліції чи іншій установі без ваших даних.",
            "تنقل M. بلاغك إلى الشرطة أو إلى جهة أخرى، دون بياناتك.",
        ],
        "note": [
            "Nie musisz podawać swojego imienia i nazwiska.",
            "Nu trebuie să-ți spui numele.",
            "Не е нужно да казваш името си.",
            "Вам не потрібно називати своє ім'я.",
            "لا تحتاج إلى ذكر اسمك.",
        ],
    },
    "care_coordinator": {
        "name": [
            "Koordynator opieki dla ofiar handlu ludźmi",
            "Coordonator de îngrijire pentru victimele traficului",
            "Координатор на грижите за жертви на трафик",
            "Координатор допомоги постраждалим від торгівлі людьми",
            "منسق الرعاية لضحايا الاتجار بالبشر",
        ],
        "note": [
            "Pomoc nie zależy od twojego statusu pobytowego. Zawiadomienie nie jest warunkiem.",
            "Ajutorul nu depinde de statutul tău de ședere. Plângerea nu este o condiție.",
            "Помощта не зависи от статута ти на пребиваване. Жалбата не е условие.",
            "Допомога не залежить від вашого статусу проживання. Заява не є умовою.",
            "لا تعتمد المساعدة على وضع إقامتك. وتقديم شكوى رسمية ليس شرطًا.",
        ],
    },
    "veilig_thuis": {
        "name": [
            "Veilig Thuis (przemoc domowa i krzywdzenie dzieci)",
            "Veilig Thuis (violență domestică și abuz asupra copiilor)",
            "Veilig Thuis (домашно насилие и насилие над деца)",
            "Veilig Thuis (домашнє насильство і жорстоке поводження з дітьми)",
            "Veilig Thuis (العنف المنزلي وإساءة معاملة الأطفال)",
        ],
        "note": [
            "Na czacie możesz anonimowo poprosić o radę.",
            "Pe chat poți cere un sfat anonim.",
            "В чата можеш анонимно да поискаш съвет.",
            "У чаті можна анонімно попросити поради.",
            "يمكنك طلب النصيحة دون ذكر اسمك في الدردشة.",
        ],
    },
    "victim_support": {
        "name": [
            "Slachtofferhulp Nederland (pomoc dla ofiar)",
            "Slachtofferhulp Nederland (ajutor pentru victime)",
            "Slachtofferhulp Nederland (помощ за жертви)",
            "Slachtofferhulp Nederland (допомога постраждалим)",
            "Slachtofferhulp Nederland (مساعدة الضحايا)",
        ]
    },
    "child_helpline": {
        "name": [
            "De Kindertelefoon (telefon dla dzieci)",
            "De Kindertelefoon (linia pentru copii)",
            "De Kindertelefoon (телефон за деца)",
            "De Kindertelefoon (дитяча лінія)",
            "De Kindertelefoon (خط الأطفال)",
        ]
    },
    "support_organisation": {
        "name": [
            "Organizacja pomocowa",
            "Organizație de ajutor",
            "Организация за помощ",
            "Організація допомоги",
            "منظمة مساعدة",
        ],
        "note": [
            "Pomoc nie zależy od twojego statusu pobytowego.",
            "Ajutorul nu depinde de statutul tău de ședere.",
            "Помощта не зависи от статута ти на пребиваване.",
            "Допомога не залежить від вашого статусу проживання.",
            "لا تعتمد المساعدة على وضع إقامتك.",
        ],
    },
    "investigation_chain": {
        "name": [
            "Centrum wiedzy służb śledczych",
            "Centru de expertiză al lanțului de anchetă",
            "Експертен център на разследващите органи",
            "Експертний центр слідчих органів",
            "مركز خبرة لجهات التحقيق",
        ],
        "note": [
            "To nie jest punkt zgłoszeń dla mieszkańców.",
            "Nu este un punct de semnalare pentru public.",
            "Това не е място за сигнали за хората.",
            "Це не пункт повідомлень для населення.",
            "هذه ليست نقطة إبلاغ للجمهور.",
        ],
    },
    "municipality": {"name": ["Gmina", "Primăria", "Община", "Громада", "البلدية"]},
}

# Veilig Thuis Utrecht's public note (directory.corrections.UTRECHT_PILOT) -> language -> text
PUBLIC_NOTE = {
    "pl": "Próba z punktem zgłoszeń w sprawie handlu ludźmi w Veilig Thuis Utrecht trwała od czerwca do grudnia 2024 roku i już się zakończyła. Veilig Thuis nadal pomaga w przypadku przemocy domowej i krzywdzenia dzieci: zadzwoń bezpłatnie pod 0800-2000.",
    "ro": "Proba cu un punct de semnalare pentru traficul de persoane la Veilig Thuis Utrecht a durat din iunie până în decembrie 2024 și s-a încheiat. Veilig Thuis ajută în continuare în caz de violență domestică și abuz asupra copiilor: sună gratuit la 0800-2000.",
    "bg": "Пилотното място за сигнали за трафик на хора към Veilig Thuis Utrecht работи от юни до декември 2024 г. и вече е приключило. Veilig Thuis продължава да помага при домашно насилие и насилие над деца: обади се безплатно на 0800-2000.",
    "uk": "Пробний пункт повідомлень щодо торгівлі людьми у Veilig Thuis Utrecht працював з червня до грудня 2024 року і вже завершився. Veilig Thuis і далі допомагає при домашньому насильстві та жорстокому поводженні з дітьми: телефонуйте безкоштовно 0800-2000.",
    "ar": "انتهت تجربة نقطة الإبلاغ عن الاتجار بالبشر لدى Veilig Thuis Utrecht، وقد استمرت من يونيو إلى ديسمبر 2024. ما زال Veilig Thuis يساعد في حالات العنف المنزلي وإساءة معاملة الأطفال: اتصل مجانًا بالرقم 0800-2000.",
}
