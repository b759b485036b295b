"""Name pools for the families a UK children's service works with (all invented combinations).

Each origin lists male first names, female first names and surnames, `|`-separated. A surname
written `Kowalski/Kowalska` has a male and a female form; `Kazlauskas/Kazlauskienė/Kazlauskaitė`
has a male, a married woman's and an unmarried woman's form. The pools deliberately include what
trips detectors up: apostrophes (O'Neill, D'Angelo), accents and non-ASCII letters (Zoë, Łukasz,
Ștefan, Yıldız), lower-case particles (da Silva, van der Berg), spaced and hyphenated surnames
(Lloyd Davies, Al-Sayed), and names that are also words or places (Grace, Hope, Kent, Chelsea).
"""
from __future__ import annotations

ORIGINS: dict[str, tuple[str, str, str]] = {
    "english": ("Oliver|Jack|Harry|Alfie|Tyler|Jayden|Will|Mason|Reggie|Kai",
                "Amelia|Poppy|Grace|Chelsea|Kayleigh|Rose|Zoë|Hope|Amber|Isla-Mae",
                "Smith|Taylor|Walker|Wood|Baker|Hill|Marsh|Hope|Kent|Bristow|English|Fairweather"),
    "scottish": ("Callum|Fraser|Hamish|Ruaridh|Lewis|Euan", "Eilidh|Mhairi|Kirsty|Isla|Morag|Ailsa",
                 "MacLeod|McAllister|Sinclair|Robertson|Fraser|Buchanan"),
    "welsh": ("Dylan|Rhys|Gethin|Iolo|Osian|Dafydd", "Cerys|Seren|Ffion|Angharad|Nia|Lowri",
              "Jones|Evans|Lloyd Davies|ap Rhys|Pritchard|Llewellyn|Wyn Jones"),
    "irish": ("Ciarán|Seán|Pádraig|Cian|Darragh|Oisín", "Siobhán|Aoife|Niamh|Caoimhe|Róisín|Saoirse",
              "O'Neill|O'Sullivan|Murphy|Kavanagh|Ó Briain|McCarthy|O'Connor"),
    "polish": ("Łukasz|Jakub|Wojciech|Kacper|Piotr|Mateusz", "Zofia|Agnieszka|Małgorzata|Zuzanna|Kasia|Joanna",
               "Kowalski/Kowalska|Wiśniewski/Wiśniewska|Nowak|Wójcik|Kamiński/Kamińska|Zieliński/Zielińska"),
    "romanian": ("Andrei|Ștefan|Mihai|Bogdan|Ionuț|Florin", "Ioana|Alexandra|Florentina|Denisa|Andreea|Bianca",
                 "Popescu|Ionescu|Dumitru|Stoica|Constantin|Munteanu"),
    "lithuanian": ("Lukas|Jonas|Mantas|Dovydas|Matas|Tomas", "Gabija|Austėja|Rūta|Emilija|Ieva|Urtė",
                   "Kazlauskas/Kazlauskienė/Kazlauskaitė|Petrauskas/Petrauskienė/Petrauskaitė|"
                   "Jankauskas/Jankauskienė/Jankauskaitė|Stankevičius/Stankevičienė/Stankevičiūtė"),
    "yoruba": ("Oluwaseun|Adebayo|Ayodele|Olamide|Tunde|Femi", "Temitope|Folake|Adunni|Titilayo|Bisola|Yetunde",
               "Adeyemi|Ogunleye|Babatunde|Adewale|Oyelaran|Olatunji"),
    "igbo": ("Chinonso|Obinna|Ifeanyi|Emeka|Chukwudi|Kelechi", "Chiamaka|Ngozi|Adaeze|Nneka|Chidinma|Ifeoma",
             "Okafor|Nwosu|Eze|Okonkwo|Obi|Nwachukwu"),
    "ghanaian": ("Kwame|Kofi|Yaw|Kwabena|Kojo|Nana", "Akosua|Ama|Efua|Abena|Adwoa|Esi",
                 "Mensah|Owusu|Boateng|Asante|Appiah|Ofori"),
    "somali": ("Abdirahman|Liban|Hamza|Mahad|Abdullahi|Yusuf", "Hodan|Ayaan|Fartun|Sagal|Hibo|Idil",
               "Mohamed|Warsame|Farah|Abdi|Jama|Egal"),
    "pakistani": ("Hassan|Bilal|Usman|Zain|Ibrahim|Hamza", "Ayesha|Zainab|Iqra|Maryam|Hafsa|Sana",
                  "Khan|Hussain|Iqbal|Butt|Qureshi|Malik"),
    "bangladeshi": ("Rahim|Sabbir|Mizanur|Tanvir|Rayhan|Shahid", "Tahmina|Nusrat|Farhana|Shirin|Ruksana|Sumaiya",
                    "Begum|Uddin|Miah|Rahman|Chowdhury|Islam"),
    "hindi": ("Aarav|Rohan|Vikram|Aditya|Kabir|Ishaan", "Priya|Ananya|Pooja|Kavya|Diya|Neha",
              "Sharma|Gupta|Verma|Mishra|Chaudhary|Tiwari"),
    "punjabi": ("Harpreet|Gurpreet|Arjun|Manjit|Jaskaran|Ravinder", "Jaspreet|Simran|Harleen|Navdeep|Amrit|Manpreet",
                "Singh|Kaur|Sandhu|Dhillon|Gill|Bains"),
    "tamil": ("Karthik|Senthil|Arun|Vignesh|Prakash|Surya", "Lakshmi|Nila|Meena|Kavitha|Divya|Thenmozhi",
              "Subramaniam|Krishnan|Rajendran|Sivakumar|Balasubramanian|Murugan"),
    "gujarati": ("Jignesh|Nikhil|Dhruv|Hiren|Parth|Kunal", "Hetal|Krupa|Bhavna|Nisha|Komal|Jinal",
                 "Patel|Shah|Desai|Mistry|Parmar|Solanki"),
    "chinese": ("Wei|Jun|Hao|Zihan|Ming|Jian", "Xiaoling|Mei|Yan|Li-Na|Ying|Xinyi",
                "Zhang|Chen|Wong|Li|Liu|Huang"),
    "vietnamese": ("Minh|Tuan|Duc|Quang|Khanh|Bao", "Lan|Linh|Thu|Anh|Ngoc|Huong",
                   "Nguyen|Tran|Le|Pham|Hoang|Vu|Nguyễn"),
    "turkish": ("Emre|Mehmet|Yusuf|Burak|Can|Mustafa", "Elif|Zeynep|Ayşe|Büşra|Selin|Gül",
                "Yılmaz|Çelik|Demir|Şahin|Öztürk|Aydın"),
    "kurdish": ("Rebwar|Aram|Hawre|Shvan|Karwan|Dara", "Dilan|Shilan|Nazdar|Berivan|Rezan|Zhilwan",
                "Karim|Rasul|Aziz|Hama Amin|Qadir|Faraj"),
    "arabic": ("Omar|Youssef|Khalid|Ahmed|Tariq|Karim", "Layla|Noor|Mariam|Fatima|Rania|Huda",
               "Al-Sayed|Haddad|El-Masri|Nasser|Abdel-Rahman|Khoury"),
    "eritrean": ("Yonas|Habtom|Tesfay|Filmon|Dawit|Biniam", "Selam|Mehret|Senait|Luwam|Helen|Saba",
                 "Tekle|Ghebremariam|Berhane|Haile|Kidane|Tesfamariam"),
    "afghan": ("Farhad|Ahmad|Mursal|Jawad|Sohail|Naveed", "Zahra|Mursal|Laila|Parwana|Shabnam|Freshta",
               "Rahimi|Popal|Safi|Noori|Stanikzai|Ahmadzai"),
    "roma": ("Kristián|Dominik|Patrik|Marek|Denis|Roman", "Denisa|Vanesa|Nikola|Klaudia|Jarmila|Sabina",
             "Horváth|Lakatos|Balog|Kotlár|Oláh|Gažo|Lovell|Boswell"),
    "caribbean": ("Marcus|Tyrone|Delroy|Winston|Jermaine|Andre", "Shanice|Jada|Kiara|Paulette|Marcia|Tanisha",
                  "Campbell|Grant|Francis|Clarke|Bailey|Henry|Morgan"),
    "portuguese": ("João|Tiago|Gonçalo|Rui|Diogo|Nuno", "Inês|Beatriz|Mariana|Leonor|Conceição|Joana",
                   "da Silva|Fernandes|dos Santos|Pereira|Gonçalves|Rodrigues"),
    "italian": ("Luca|Matteo|Giuseppe|Alessandro|Marco|José", "Giulia|Francesca|Chiara|Sofia|Alessia|Martina",
                "Rossi|D'Angelo|Esposito|Russo|De Luca|Colombo"),
    "dutch": ("Daan|Sem|Thijs", "Sanne|Lotte|Fenna", "van der Berg|de Vries|van Dijk"),
}

#: British-born children of families of any origin often carry a name from a second origin.
MIXED_FIRST = ("english", "caribbean", "irish", "welsh", "scottish")


def pools(origin: str, sex: str) -> tuple[list[str], list[str]]:
    """First names for `sex` ("m"/"f") and surnames (already in the gendered form) of an origin."""
    male, female, surnames = ORIGINS[origin]
    firsts = (male if sex == "m" else female).split("|")
    lasts = [_form(s.split("/"), sex, married=False) for s in surnames.split("|")]
    return firsts, lasts


def _form(forms: list[str], sex: str, married: bool) -> str:
    if sex == "m":
        return forms[0]
    return forms[1] if married and len(forms) > 2 else forms[-1]


def gender_surname(surname: str, sex: str, married: bool = False) -> str:
    """The form of a family surname a person uses (Kowalski → Kowalska for a woman or a girl;
    Kazlauskas → Kazlauskienė for a married woman, Kazlauskaitė for a girl)."""
    for _male, _female, surnames in ORIGINS.values():
        for entry in surnames.split("|"):
            forms = entry.split("/")
            if surname in forms:
                return _form(forms, sex, married)
    return surname
