"""Speaker cues of history prose beyond "X said": colons, "according to" on the clause, object
control, a speech's setting, copular source nouns, described roles, documents named by their head
noun, naming cues and labels, parentheticals, pronouns across paragraphs, people the small model
misses or splits. All texts are prose we wrote for these tests."""


def test_clause_level_cues(quotes_of):
    got = quotes_of(
        "According to Secretary of State Dean Rusk, the two sides were “eyeball to eyeball.”\n\n"
        "Ronald Reagan visited Berlin in June 1987. Standing before the Brandenburg Gate, he challenged his "
        "Soviet counterpart: “Mr. Gorbachev, tear down this wall!”\n\n"
        "The invasion of Finland led President Franklin Roosevelt to condemn the Soviet Union as a "
        "“dictatorship as absolute as any other dictatorship in the world.”\n\n"
        "Theodore Roosevelt liked West African proverbs. His favorite maxim was to “speak softly and carry a big stick.”\n\n"
        "Franklin Roosevelt asked Congress to declare war, describing December 7 as “a date which will live in infamy.”\n")
    assert got["“eyeball to eyeball.”"] == ("Dean Rusk", "speech")
    assert got["“Mr. Gorbachev, tear down this wall!”"][0] == "Ronald Reagan"
    assert got["“dictatorship as absolute as any other dictatorship in the world.”"][0] == "Franklin D. Roosevelt"
    assert got["“speak softly and carry a big stick.”"][0] == "Theodore Roosevelt"
    assert got["“a date which will live in infamy.”"][0] == "Franklin D. Roosevelt"


def test_described_roles_name_the_right_holder(quotes_of):
    got = quotes_of(
        "Secretary of State John Hay sent notes to the powers in 1899. The Secretary insisted that China "
        "remain “open to all.”\n\n"
        "Jimmy Carter met Leonid Brezhnev in Vienna in June 1979. Mikhail Gorbachev was then a young "
        "official. Brezhnev embraced Carter, and the Soviet leader declared that “God will not forgive us "
        "if we fail.”\n\n"
        "Franklin Roosevelt told his cabinet that the embargo was “a moral one.” Cordell Hull disagreed. "
        "“It will not work,” the Secretary said.\n")
    assert got["“open to all.”"][0] == "John Hay"
    assert got["“God will not forgive us if we fail.”"][0] == "Leonid Brezhnev"
    assert got["“It will not work,”"][0] == "Cordell Hull"


def test_documents_named_by_their_head_noun_and_titles(quotes_of):
    got = quotes_of(
        "In 1942 the exiled governments signed the St. James Declaration. The Declaration stated that "
        "these governments “placed among their principal war aims the punishment of those guilty.”\n\n"
        "NATO leaders met in Rome in November 1991. The “Rome Declaration on Peace and Cooperation” "
        "followed. The Rome Declaration “welcomed the development of a European security and defence role.”\n\n"
        "The summit produced the “London Declaration on a Transformed North Atlantic Alliance.”\n")
    assert got["“placed among their principal war aims the punishment of those guilty.”"][0] == "St. James Declaration"
    assert got["“Rome Declaration on Peace and Cooperation”"] == (None, "title")
    assert got["“welcomed the development of a European security and defence role.”"][0] == "Rome Declaration"
    assert got["“London Declaration on a Transformed North Atlantic Alliance.”"] == (None, "title")


def test_names_and_labels_are_terms(quotes_of):
    got = quotes_of(
        "The agreement came to be known as the “Oslo Accord.” Nixon responded to the deadlock and ordered "
        "massive attacks on the North—the “Christmas Bombing.” The Tribunal convicted the elite “SS” unit.\n"
        "General William Tunner ordered an all-out effort that the crews called the “Easter Parade.”\n")
    assert got["“Oslo Accord.”"] == (None, "title")  # a document's name
    assert got["“Christmas Bombing.”"] == (None, "term")
    assert got["“SS”"] == (None, "term")
    assert got["“Easter Parade.”"] == (None, "term")


def test_people_behind_titles_and_possessives(analyze_text):
    doc = analyze_text("U.S. officials worried that reprisals could undermine Jordan’s King Hussein. "
                       "Secretary-General U Thant replied that he would withdraw the force. In March 1970 the "
                       "fall of Prince Norodom Sihanouk in Cambodia destroyed its neutrality.\n")
    people = {e.name: e.aliases for e in doc.entities if e.type == "PERSON"}
    assert "King Hussein" in people.get("Hussein", [])
    assert "Secretary-General U Thant" in people.get("U Thant", [])
    assert "Prince Norodom Sihanouk" in people.get("Norodom Sihanouk", [])
    assert not any("Jordan" in name for name in people)


def test_sources_named_around_the_clause(quotes_of):
    got = quotes_of(
        "Dean Acheson spoke at the National Press Club in January 1950. In his words, Korea lay outside "
        "the “defensive perimeter” of the United States.\n\n"
        "The New York Times quoted Senator Arthur Vandenberg as saying that politics should stop "
        "“at the water’s edge.”\n\n"
        "Winston Churchill arrived in Fulton in March 1946. “From Stettin in the Baltic to Trieste in the "
        "Adriatic, an iron curtain has descended across the Continent.”\n\n"
        "In 1942 the Allies drafted Article VII of the lend-lease agreement. In that article, the United "
        "Kingdom agreed that it would help to eliminate “all forms of discriminatory treatment.”\n")
    assert got["“defensive perimeter”"][0] == "Dean Acheson"
    assert got["“at the water’s edge.”"][0] == "Arthur Vandenberg"
    assert got["“From Stettin in the Baltic to Trieste in the Adriatic, an iron curtain has descended "
               "across the Continent.”"][0] == "Winston Churchill"
    assert got["“all forms of discriminatory treatment.”"][0] == "Article VII"


def test_passives_and_pronouns(quotes_of):
    got = quotes_of(
        "Often referred to as “the great communicator,” Ronald Reagan used his rhetorical skills.\n\n"
        "In a letter to Stalin, Churchill wrote that the Western powers had “no designs on Eastern Europe.” "
        "Stalin’s answer came two weeks later. He insisted that Poland must have a government "
        "“friendly to the Soviet Union.”\n\n"
        "Anwar Sadat flew to Jerusalem in November 1977. Menachem Begin welcomed him. Begin later said "
        "that the visit was “a great day in history.”\n")
    assert got["“the great communicator,”"] == (None, "term")
    assert got["“friendly to the Soviet Union.”"][0] == "Joseph Stalin"
    assert got["“a great day in history.”"][0] == "Menachem Begin"


def test_nested_quotations(quotes_of):
    got = quotes_of(
        "Thomas Jefferson wrote to James Madison in 1812: “I say ‘down with England.’ and let us fight.”\n"
        "In October 1987 Newsweek featured Bush on the cover with the caption: “Fighting the ‘Wimp Factor.’”\n")
    assert got["‘down with England.’"] == ("Thomas Jefferson", "speech")
    assert got["“Fighting the ‘Wimp Factor.’”"] == (None, "title")
    assert got["‘Wimp Factor.’"] == (None, "term")


def test_names_with_suffixes_particles_and_regnal_titles(analyze_text):
    doc = analyze_text(
        "Historian Arthur Schlesinger, Jr. advised the President. Schlesinger later wrote a history.\n\n"
        "The Marquis de Lafayette sailed to America in 1777. Lafayette served under George Washington.\n\n"
        "Saddam Hussein invaded Kuwait in 1990. King Hussein of Jordan tried to mediate, but Saddam Hussein "
        "refused.\n\n"
        "Phillippe-Jean Bunau-Varilla, the Panamanian representative, signed the treaty.\n")
    people = {e.name: set(e.aliases) for e in doc.entities if e.type == "PERSON"}
    assert "Schlesinger" in people["Arthur Schlesinger, Jr."]
    assert "Lafayette" in people
    assert "King Hussein" not in people["Saddam Hussein"]
    assert "Phillippe-Jean Bunau-Varilla" in people


def test_women_by_given_name_and_the_latter(quotes_of):
    got = quotes_of(
        "Eleanor Roosevelt chaired the commission that drafted the declaration. She called it “the "
        "international Magna Carta for all men everywhere.”\n\n"
        "Dulles and Eden disagreed over Suez. The latter insisted that Nasser was “a Mussolini.”\n\n"
        "The report of the Kerner Commission concluded that the nation was “moving toward two societies.”\n")
    assert got["“the international Magna Carta for all men everywhere.”"][0] == "Eleanor Roosevelt"
    assert got["“a Mussolini.”"][0] == "Anthony Eden"
    assert got["“moving toward two societies.”"][0] == "Kerner Commission"


def test_a_shared_surname_means_its_usual_bearer_unless_another_is_named(analyze_text, quotes_of):
    got = quotes_of("The Berlin crisis deepened in 1961. On July 25 Kennedy addressed the nation. “We cannot "
                    "and will not permit the Communists to drive us out of Berlin,” the President declared.\n")
    assert got["“We cannot and will not permit the Communists to drive us out of Berlin,”"][0] == "John F. Kennedy"
    doc = analyze_text("Attorney General Robert F. Kennedy met the Soviet ambassador in October 1962. "
                       "Kennedy warned him that time was short.\n")
    assert [e.name for e in doc.entities if e.type == "PERSON" and "Kennedy" in e.aliases] == ["Robert Kennedy"]


def test_who_does_not_speak_and_who_holds_uncued_words(quotes_of):
    got = quotes_of(
        "After the summit in Vienna, Brezhnev’s spokesman declared, “The talks were a great success for "
        "the cause of peace.”\n\n"
        "Nixon hesitated. A number of the President’s advisors had concluded that American interests "
        "would be served by Israel “going it alone” in the war.\n\n"
        "Woodrow Wilson rejected the old idea of a “balance of power,” believing that he could build a "
        "league of nations instead.\n\n"
        "Kennedy met with Eisenhower on January 19. He expected the meeting to “serve a specific purpose "
        "in reassuring the public about the transition.”\n\n"
        "Churchill sailed to Newfoundland with one aim. Churchill’s primary goal in attending was “to "
        "bring the Americans into the war.”\n\n"
        "In 1943 Britain, China, and the United States issued the Cairo Declaration, in which they stated "
        "that Japan “shall be stripped of all the islands in the Pacific which she has seized.”\n")
    # not Brezhnev: the spokesman, a person the text describes without naming, so no identified speaker
    assert got["“The talks were a great success for the cause of peace.”"][0] is None
    assert got["“going it alone”"][0] is None  # not Nixon
    assert got["“balance of power,”"] == (None, "term")
    assert got["“serve a specific purpose in reassuring the public about the transition.”"][0] == "John F. Kennedy"
    assert got["“to bring the Americans into the war.”"][0] == "Winston Churchill"
    assert got["“shall be stripped of all the islands in the Pacific which she has seized.”"][0] == "Cairo Declaration"


def test_people_described_but_never_named(analyze_text, quotes_of):
    text = ("The talks opened at Portsmouth in August 1905. The Japanese negotiator demanded an indemnity. "
            "“Russia will not pay a kopeck,” the Russian negotiator declared. Later the Japanese negotiator gave way.\n\n"
            "Sadat opened a channel to Kissinger through Hafiz Isma‘il, his national security advisor. "
            "In February 1973, Isma‘il met Kissinger.\n")
    people = {e.name: e for e in analyze_text(text).entities if e.type == "PERSON"}
    assert len(people["the Japanese negotiator"].mentions) == 2
    assert {"Hafiz Isma‘il", "Isma‘il"} <= set(people["Hafiz Isma‘il"].aliases)
    assert quotes_of(text)["“Russia will not pay a kopeck,”"] == (None, "speech")  # unidentified source
    doc = analyze_text("Mao Zedong arrived in Moscow. According to Shi Zhe, Mao’s interpreter, Mao was furious.\n")
    mao = next(e for e in doc.entities if e.name == "Mao Zedong")
    assert "Mao’s interpreter" not in mao.aliases  # nobody is their own interpreter


def test_a_named_conference_speaks_and_a_parenthetical_reports_its_clause(quotes_of):
    got = quotes_of(
        "The leaders met at Potsdam in July 1945. The Potsdam Conference declared that Germany would be "
        "“treated as a single economic unit.”\n\n"
        "Stalin received Mao at the Kremlin on 16 December. The Soviet Union, he stressed, wanted to "
        "“formally” preserve the old treaty.\n")
    assert got["“treated as a single economic unit.”"][0] == "Potsdam Conference"
    assert got["“formally”"] == ("Joseph Stalin", "speech")


def test_names_the_small_model_splits_or_misses(analyze_text):
    text = ("In 1977 Somalia, led by Mohammed Siad Barre, invaded the Ogaden. Moscow then abandoned Siad Barre.\n\n"
            "The French Minister Conrad-Alexandre Gérard de Rayneval reached Philadelphia in 1778. Congress "
            "received French Minister Gérard with honors.\n\n"
            "Arthur Lee had met the French playwright Beaumarchais in London.\n\n"
            "Filibusters were aided by a Venezuelan-born resident of Cuba, Narciso López, who sailed in 1851.\n\n"
            "Reform was led by Democrat Congressman from New York Emanuel Celler. Celler spoke often.\n\n"
            "Kissinger stayed on as Secretary of State, and Donald R. Rumsfeld became Secretary of Defense.\n")
    people = {e.name: set(e.aliases) for e in analyze_text(text).entities if e.type == "PERSON"}
    assert {"Mohammed Siad Barre", "Siad Barre"} <= people["Mohammed Siad Barre"]
    assert "French Minister Gérard" in people["Conrad-Alexandre Gérard de Rayneval"]
    assert "Beaumarchais" in people and "Narciso López" in people and "Donald R. Rumsfeld" in people
    assert {"Emanuel Celler", "Celler"} <= people["Emanuel Celler"]


def test_self_given_names_and_quotations_set_off_by_dashes(quotes_of):
    got = quotes_of(
        "Genêt landed at Charleston in April 1793—calling himself “Citizen Genêt” to show his politics.\n\n"
        "Despite William Randolph Hearst’s much quoted statement—“You furnish the pictures, I’ll furnish "
        "the war!”—other causes mattered more.\n\n"
        "Benjamin Franklin had drawn up a plan for “Articles of Confederation and Perpetual Union.”\n")
    assert got["“Citizen Genêt”"] == ("Edmond-Charles Genêt", "speech")
    assert got["“You furnish the pictures, I’ll furnish the war!”"][0] == "William Randolph Hearst"
    assert got["“Articles of Confederation and Perpetual Union.”"][0] is None  # a document's name, nobody's words


def test_a_phrase_quoted_again_is_a_label_and_a_numbered_article_is_named_by_its_number(analyze_text, quotes_of):
    got = [(q.text, q.speaker_name, q.kind) for q in analyze_text(
        "Clinton warned that the world still faced “ancient hatreds and new plagues.” He left the "
        "“ancient hatreds and new plagues” of the region to his advisers.\n").quotes]
    assert got[0] == ("“ancient hatreds and new plagues.”", "Bill Clinton", "speech")
    assert got[1] == ("“ancient hatreds and new plagues”", None, "term")
    doc = analyze_text("In Article 27 of the Constitution of 1917, Mexico claimed the “subsoil” for the nation.\n")
    assert {"Article 27", "Constitution of 1917"} <= {e.name for e in doc.entities}  # the part and the whole


def test_names_cut_by_the_model_or_behind_a_possessive(analyze_text):
    doc = analyze_text("The leaders – Italian Prime Minister Vittorio Emmanuele Orlando – met in Paris. Orlando left "
                       "early.\n\nThe volunteers were soon called Kennedy’s Kiddie Corps by critics.\n")
    people = {e.name: set(e.aliases) for e in doc.entities if e.type == "PERSON"}
    assert {"Vittorio Emmanuele Orlando", "Orlando"} <= people["Vittorio Emmanuele Orlando"]
    assert "Kennedy" in people["John F. Kennedy"]


_BIOGRAPHY = (
    "Mao Zedong’s train reached Moscow on 16 December 1949. That evening Stalin received him in his Kremlin "
    "office. “You have become very great,” he said, “and we are happy for you.”\n\n"
    "Stalin’s interpreter, Nikolai Fedorenko, left an account of the meeting. The Soviet leader, Fedorenko "
    "wrote, “listened without moving.” “We should not give the Americans a pretext,” Stalin added.\n\n"
    "The next weeks were hard for Mao. He complained to Kovalev that he had come to Moscow “not only to eat "
    "and sleep.”\n\n"
    "Zhou Enlai arrived on 20 January. According to Fedorenko, Zhou “argued over every comma.”\n")


def test_a_biography_chapter_parenthetical_sources_and_paragraph_topics(analyze_text, quotes_of):
    people = {e.name: set(e.aliases) for e in analyze_text(_BIOGRAPHY).entities if e.type == "PERSON"}
    assert "Stalin’s interpreter" in people["Nikolai Fedorenko"]
    assert "the Soviet leader" not in people["Nikolai Fedorenko"]  # "The Soviet leader, Fedorenko wrote,"
    fronted = analyze_text("Mao met Stalin in December. Stalin’s interpreter, Nikolai Fedorenko recalled that the "
                           "room was cold.\n")
    assert "Stalin’s interpreter" in next(e.aliases for e in fronted.entities if e.name == "Nikolai Fedorenko")
    got = quotes_of(_BIOGRAPHY)
    assert got["“and we are happy for you.”"][0] == "Joseph Stalin"
    assert got["“not only to eat and sleep.”"][0] == "Mao Zedong"  # the new paragraph turned to Mao
    assert got["“argued over every comma.”"][0] == "Nikolai Fedorenko"  # according to X, not the verb's subject


def test_attribution_after_an_exclamation_a_document_named_in_apposition_and_a_quoted_subject(quotes_of):
    got = quotes_of(
        "“Ich bin ein Berliner,” Kennedy declared in June 1963. “Mr. Gorbachev, tear down this wall!” Reagan "
        "demanded in 1987.\n\n"
        "NSC 68 was drafted in 1950. The report, known as NSC 68, called for a “rapid build-up” of strength.\n\n"
        "George Kennan’s “Long Telegram” argued that Soviet power was “impervious to logic of reason.”\n")
    assert got["“Mr. Gorbachev, tear down this wall!”"][0] == "Ronald Reagan"
    assert got["“rapid build-up”"][0] == "NSC 68"
    assert got["“Long Telegram”"] == (None, "title")  # the name of a document, not words


def test_a_person_quoted_as_saying(quotes_of):
    got = quotes_of("Harry Hopkins visited Moscow in 1941. Hopkins was quoted as saying that the alliance was "
                    "“unbreakable.”\n")
    assert got["“unbreakable.”"] == ("Harry Hopkins", "speech")


def test_descriptions_pronouns_and_letters_point_back(quotes_of):
    got = quotes_of(
        "At Yalta, Franklin Roosevelt pressed Stalin on Poland. Churchill spoke up. “We have a great interest "
        "in Poland,” the Prime Minister replied.\n\n"
        "Later that evening the President spoke privately with his aides. He was tired. “It’s the best I can "
        "do for Poland at this time,” he told Admiral Leahy.\n\n"
        "Khrushchev wrote to Kennedy on 26 October. The letter was long and emotional. “If there is no "
        "intention to doom the world to catastrophe,” it read.\n\n"
        "The President decided upon a middle course. On October 22, he ordered a naval “quarantine” of Cuba.\n")
    assert got["“We have a great interest in Poland,”"][0] == "Winston Churchill"
    assert got["“It’s the best I can do for Poland at this time,”"][0] == "Franklin D. Roosevelt"
    assert got["“If there is no intention to doom the world to catastrophe,”"][0] == "Nikita Khrushchev"
    assert got["“quarantine”"] == (None, "term")


def test_a_document_part_speaks_for_its_document(quotes_of):
    got = quotes_of("The United Nations Charter opens with the words “We the peoples of the United Nations.” Its "
                    "preamble speaks of “the scourge of war.”\n")
    assert got["“the scourge of war.”"][0] == "United Nations Charter"


def test_descriptions_inside_quotations_and_a_fronted_phrase(analyze_text, quotes_of):
    text = ("On April 12, 1945, Vice President Harry Truman was summoned to the White House. Eleanor Roosevelt "
            "met him. “Harry, the President is dead,” she told him.\n\n"
            "General Douglas MacArthur disagreed with Truman over Korea. In a letter to Congressman Joseph "
            "Martin, the general argued that there was “no substitute for victory.”\n")
    truman = next(e for e in analyze_text(text).entities if e.name == "Harry S. Truman")
    assert "the President" not in truman.aliases  # the words of Mrs. Roosevelt, about her husband
    assert quotes_of(text)["“no substitute for victory.”"][0] == "Douglas MacArthur"


def test_a_verbless_sentence_around_uncued_words(quotes_of):
    # the clause above the quotation has no verb at all: the search for its subject must stop at the root
    got = quotes_of("A cold day for the “long and detailed proposals of the Western powers for a settlement.”\n")
    assert got["“long and detailed proposals of the Western powers for a settlement.”"] == (None, "speech")


def test_a_witness_narrates_the_scene_and_a_toast_giver_speaks_for_himself(quotes_of):
    got = quotes_of(
        "Churchill dined at the Kremlin in August 1942. As Alexander Cadogan recalled it, the evening began "
        "badly. The interpreters, Cadogan wrote, were “exhausted before the soup was served.” Stalin rose "
        "and walked to the window. The guests waited. “Nobody dared to speak while he stood there, and the "
        "generals stared at their plates.” After midnight Stalin relented. He pronounced a toast to the "
        "British army. The glasses were emptied at once. “The mood of the room changed in a moment, and "
        "even Churchill smiled.”\n\n"
        "Stalin rose again near dawn and pronounced a toast to the convoys. “I drink to the sailors who "
        "bring us your tanks.”\n")
    assert got["“exhausted before the soup was served.”"][0] == "Alexander Cadogan"
    assert got["“Nobody dared to speak while he stood there, and the generals stared at their plates.”"][0] == "Alexander Cadogan"
    assert got["“The mood of the room changed in a moment, and even Churchill smiled.”"][0] == "Alexander Cadogan"
    assert got["“I drink to the sailors who bring us your tanks.”"][0] == "Joseph Stalin"


def test_words_nouns_belong_to_their_author_not_to_whoever_answers_them(quotes_of):
    got = quotes_of(
        "Truman rejected MacArthur’s proposal to “unleash” the Nationalist forces on Taiwan. Kennedy ignored "
        "Acheson’s advice that the United States “strike first and talk later.” Eisenhower dismissed the "
        "request that he “intervene at once.”\n")
    assert got["“unleash”"][0] == "Douglas MacArthur"
    assert got["“strike first and talk later.”"][0] == "Dean Acheson"
    assert got["“intervene at once.”"] == (None, "speech")


def test_a_reporter_set_inside_a_clause_is_not_its_subject(quotes_of):
    got = quotes_of(
        "Harold Nicolson watched the conference from the gallery. Wilson, he wrote, “looked like a "
        "Nonconformist minister at a village fair.” Robert Lansing kept a bitter diary. The President was, "
        "he had written that spring, “a man who does not take advice,” yet he added that he “could not "
        "help admiring the courage of the man.”\n\n"
        "Dean Acheson found Truman calm on the flight home. “We are going to fight,” Acheson recorded him "
        "saying.\n")
    assert got["“looked like a Nonconformist minister at a village fair.”"][0] == "Harold Nicolson"
    assert got["“a man who does not take advice,”"][0] == "Robert Lansing"
    assert got["“could not help admiring the courage of the man.”"][0] == "Robert Lansing"
    assert got["“We are going to fight,”"][0] == "Harry S. Truman"


def test_a_speech_verb_speaks_beside_according_to(quotes_of):
    got = quotes_of(
        "Churchill returned from Yalta in good spirits. In the cabinet he assured his colleagues, according "
        "to the diary of Hugh Dalton, that “Stalin is a man of his word.” Lincoln chose Edwin M. Stanton, "
        "a lawyer who, according to several witnesses, had once dismissed Lincoln as “a long-armed ape.”\n")
    assert got["“Stalin is a man of his word.”"][0] == "Winston Churchill"
    assert got["“a long-armed ape.”"][0] == "Edwin M. Stanton"


def test_descriptions_of_a_document_and_names_given_at_a_distance(quotes_of):
    got = quotes_of(
        "John Hay signed the Hay-Pauncefote Treaty in 1901. Hay privately admitted to a friend that the treaty "
        "was “better for us than we had any right to expect.” In Britain it was long remembered as “the treaty "
        "of the surrendered canal.” The agreement was known in both countries as the "
        "“canal bargain.”\n\n"
        "Secretary of State Dean Acheson told the President that Clark Clifford’s proposal was “a political "
        "trick and nothing more.”\n\n"
        "Otto von Bismarck expected the edited dispatch to have the effect of “a red flag on the French "
        "bull,” and it did. France declared war within the week.\n")
    assert got["“better for us than we had any right to expect.”"][0] == "John Hay"
    assert got["“the treaty of the surrendered canal.”"] == (None, "term")
    assert got["“canal bargain.”"] == (None, "term")
    assert got["“a political trick and nothing more.”"][0] == "Dean Acheson"
    assert got["“a red flag on the French bull,”"][0] == "Otto von Bismarck"


def test_titles_of_works_in_apposition_or_after_in(quotes_of):
    got = quotes_of(
        "George Kennan defended containment in “American Diplomacy, 1900–1950,” which sold widely. Years "
        "later he returned to the theme in “Memoirs,” insisting that he had been misread. Harold Macmillan "
        "recalled in “Tides of Fortune,” his memoirs, that the cabinet was divided. Bismarck told the story "
        "in his memoirs, “Gedanken und Erinnerungen,” with evident pleasure.\n")
    assert got["“American Diplomacy, 1900–1950,”"] == (None, "title")
    assert got["“Tides of Fortune,”"] == (None, "title")
    assert got["“Gedanken und Erinnerungen,”"] == (None, "title")


def test_named_papers_speak_and_reporters_report_speakers(quotes_of):
    got = quotes_of(
        "David Lloyd George feared a harsh peace. The Fontainebleau Memorandum, which he sent to the other "
        "leaders in March, warned that Germany would seek “retribution from her conquerors.” Congress passed "
        "the Foreign Assistance Act on April 3, 1948. The Act declared that its aim was “a healthy European "
        "economy.”\n\n"
        "In the House of Commons, Eden insisted that the aim was “to separate the combatants.”\n\n"
        "Bismarck told the story in his memoirs. Moltke, he wrote, remarked that the telegram now sounded "
        "“like a flourish in answer to a challenge.” Andrei Zhdanov declared that the world was divided into "
        "“two camps,” the “imperialist camp” and the “democratic camp.”\n\n"
        "The Cuban leader Fidel Castro dictated a letter urging that, if the Americans invaded, “that would "
        "be the moment to act.”\n")
    assert got["“retribution from her conquerors.”"][0] == "Fontainebleau Memorandum"
    assert got["“a healthy European economy.”"][0] == "Foreign Assistance Act"
    assert got["“to separate the combatants.”"][0] == "Anthony Eden"
    assert got["“like a flourish in answer to a challenge.”"][0] == "Moltke"
    assert got["“imperialist camp”"][0] == "Andrei Zhdanov"
    assert got["“that would be the moment to act.”"][0] == "Fidel Castro"


def test_inverted_reporters_glosses_names_on_papers_and_words_pointed_back_to(quotes_of):
    got = quotes_of(
        "Macmillan succeeded Eden in January 1957. Others were less sure. Suez, wrote one minister, had been "
        "“the end of an imperial age.”\n\n"
        "The Congress resolved at Lahore for “Purna Swaraj,” or complete independence. Lord Irwin did not "
        "reply in person. A short answer, sent in the Viceroy’s name, regretted that Gandhi was “contemplating "
        "a course of action bound to break the law.”\n\n"
        "General Douglas MacArthur was planning something daring.\n\n"
        "“We shall land at Inchon and we shall win.” The general spoke those words at a conference in "
        "Tokyo.\n")
    assert got["“the end of an imperial age.”"] == (None, "speech")
    assert got["“Purna Swaraj,”"] == (None, "term")
    assert got["“contemplating a course of action bound to break the law.”"][0] == "Lord Halifax"
    assert got["“We shall land at Inchon and we shall win.”"][0] == "Douglas MacArthur"


def test_names_inside_quoted_words_are_no_antecedents_and_judgements_are_words(quotes_of):
    got = quotes_of(
        "Lincoln described the meeting to the painter Francis B. Carpenter. “Mr. Seward said, ‘Wait for a "
        "victory,’” he recalled. Ferdinand Foch judged that the settlement was “not a peace” at all. Senators "
        "repeated Salmon P. Chase’s complaints that Seward had a “back-stairs influence” over the President.\n")
    assert got["“Mr. Seward said, ‘Wait for a victory,’”"][0] == "Abraham Lincoln"
    assert got["“not a peace”"][0] == "Ferdinand Foch"
    assert got["“back-stairs influence”"][0] == "Salmon P. Chase"


def test_hyphenated_surnames_regnal_numbers_and_fronted_time_phrases(analyze_text):
    doc = analyze_text(
        "On 14 May 1948 David Ben-Gurion read the declaration in Tel Aviv. That evening Ben-Gurion wrote in "
        "his diary.\n\n"
        "William I made Bismarck minister-president in 1862. “I have no choice,” the king said, and I doubt "
        "he had. William gave way.\n\n"
        "A week earlier the American secretary of state, John Foster Dulles, had withdrawn the offer.\n")
    people = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert [e.name for e in doc.entities if e.type == "PERSON"].count("David Ben-Gurion") == 1
    assert "Ben-Gurion" in people["David Ben-Gurion"].aliases
    king = people["Wilhelm I"]
    assert "I" not in king.aliases and "William" in king.aliases
    assert all(doc.text[s:e] != "I" for s, e in king.mentions)
    assert "the American secretary" in people["John Foster Dulles"].aliases


def test_colons_messages_credited_remarks_and_recollections(quotes_of):
    got = quotes_of(
        "Kennedy accepted the blame, and at a press conference he offered the line that became the epitaph of the affair: "
        "“Victory has a hundred fathers and defeat is an orphan.” In July the Chinese Minister, Wu Tingfang, "
        "delivered a message from the American Minister, Edwin H. Conger: “We are besieged and need relief "
        "at once.” A remark usually credited to Winston Churchill, that “the heaviest cross I bear is the "
        "Cross of Lorraine,” caught the mood. “Peace is won only by those who stay to finish it, as far as "
        "history is concerned,” Gerald Ford told the students. In his “History of His Own Time” Gilbert "
        "Burnet described the tsar as “a man of very hot temper.” Ji Chaozhu remembered that Deng Xiaoping "
        "“enjoyed every minute of it.”\n\nWoodrow Wilson would not compromise. “Better to go down fighting,” Joseph "
        "Tumulty remembered him saying.\n\n"
        "The Anglo-German Declaration described the agreement as “symbolic of the desire of our peoples.”\n")
    assert got["“Victory has a hundred fathers and defeat is an orphan.”"][0] == "John F. Kennedy"
    assert got["“We are besieged and need relief at once.”"][0] == "Edwin H. Conger"
    assert got["“the heaviest cross I bear is the Cross of Lorraine,”"][0] == "Winston Churchill"
    assert got["“Peace is won only by those who stay to finish it, as far as history is concerned,”"][0] == "Gerald Ford"
    assert got["“History of His Own Time”"] == (None, "title")
    assert got["“enjoyed every minute of it.”"][0] == "Ji Chaozhu"
    assert got["“Better to go down fighting,”"][0] == "Woodrow Wilson"
    assert got["“symbolic of the desire of our peoples.”"][0] == "Anglo-German Declaration"


def test_the_only_woman_named_a_new_title_and_possessors_the_parser_misses(quotes_of):
    got = quotes_of(
        "On the morning of October 2, Edith Wilson found her husband unconscious. The stroke paralyzed his "
        "left side. For months the President saw almost no one. She later insisted that she had never "
        "overstepped. “I never made a single decision on public affairs,” she wrote in her memoir.\n\n"
        "Peter dined with the Electress Sophia of Hanover, who found him shy. The Electress wrote afterwards "
        "that he was “very good and very bad at the same time.” The Russians ruined John Evelyn’s house. "
        "“There is a house full of people, and right nasty,” Evelyn’s servant reported to his master.\n\n"
        "Édouard Daladier came to London with Georges Bonnet. Daladier had doubts, and said so; he warned "
        "that Hitler’s aim was “the domination of the Continent.”\n")
    assert got["“I never made a single decision on public affairs,”"][0] == "Edith Wilson"
    assert got["“very good and very bad at the same time.”"][0] == "Sophia"
    assert got["“There is a house full of people, and right nasty,”"] == (None, "speech")
    assert got["“the domination of the Continent.”"][0] == "Édouard Daladier"


def test_a_participle_takes_the_nearest_subject_before_it(quotes_of):
    got = quotes_of(
        "The chances for agreement were already slim when, on July 3, Franklin Roosevelt rejected such a plan "
        "as “an artificial and passing experiment,” asserting that a “sound internal economic situation” was "
        "more important to a country’s prosperity than its currency.\n")
    assert got["“an artificial and passing experiment,”"][0] == "Franklin D. Roosevelt"
    assert got["“sound internal economic situation”"][0] == "Franklin D. Roosevelt"


def test_bodies_and_protocols_speak_and_judgements_of_papers_are_not_their_words(quotes_of):
    got = quotes_of(
        "The New York Tribune, edited by Horace Greeley, complained that the nation was buying “a frozen "
        "wilderness.” Chen Yi answered that the TASS statement had been “opportunism,” pure and simple.\n\n"
        "In December 1898 the two countries signed the Treaty of Paris, under which Spain agreed “to "
        "relinquish all claim of sovereignty over and title to Cuba.”\n\n"
        "Georges Bidault went to Geneva with nothing.\n\n"
        "“Don’t spoil it by hoisting the white flag.” Those were the words of General René Cogny, speaking by "
        "radio from Hanoi.\n")
    assert got["“a frozen wilderness.”"][0] == "New York Tribune"
    assert got["“opportunism,”"][0] == "Chen Yi"
    assert got["“to relinquish all claim of sovereignty over and title to Cuba.”"][0] == "Treaty of Paris"
    assert got["“Don’t spoil it by hoisting the white flag.”"][0] == "René Cogny"


def test_a_man_reporting_himself_characterizations_and_reports_known_by_a_name(quotes_of):
    got = quotes_of(
        "Dag Hammarskjöld refused to step aside. He would remain at his post, he said, “as a servant of "
        "the Organization and of the small nations.”\n\n"
        "Director of Central Intelligence Allen Dulles described Patrice Lumumba as “a Castro or worse,” and "
        "pressed for action. The Young Plan, as the report became known, presented itself as a “complete "
        "and final settlement” of the reparation problem.\n\n"
        "Richard Nixon spoke to reporters on Guam in July 1969. Because he spoke on background, newspapers "
        "reported his remarks as the “Guam Doctrine.”\n\n"
        "The committee’s report, submitted in April and soon known as the Dawes Plan, stated that its authors "
        "had “approached our task as business men.”\n")
    assert got["“as a servant of the Organization and of the small nations.”"][0] == "Dag Hammarskjöld"
    assert got["“a Castro or worse,”"][0] == "Allen Dulles"
    assert got["“complete and final settlement”"][0] == "Young Plan"
    assert got["“approached our task as business men.”"][0] == "Dawes Plan"
    assert got["“Guam Doctrine.”"][0] is None  # a name the newspapers gave his remarks, not his words


def test_a_person_reporting_a_document_and_names_that_end_in_a_verb(analyze_text, quotes_of):
    text = ("Franklin Roosevelt rejected the narrower reading. In a radio address in February 1942, he stated "
            "that the Atlantic Charter applied “not only to the Atlantic but to the whole world.”\n\n"
            "Known as the Burlingame Treaty, the agreement affirmed China’s sovereignty. Article V declared that "
            "the two governments “recognize the right of man to change his home.”\n")
    assert quotes_of(text)["“not only to the Atlantic but to the whole world.”"][0] == "Franklin D. Roosevelt"
    names = {e.name for e in analyze_text(text).entities}
    assert "Article V" in names and "Article V declared" not in names


def test_a_surname_the_tagger_takes_for_a_plural_still_speaks(quotes_of):
    got = quotes_of(
        "Assistant Secretary of State Sumner Welles went to Havana in 1933. Machado fled in August. Welles, who "
        "distrusted the new government, recommended \"a strictly limited landing\" of troops.\n")
    assert got['"a strictly limited landing"'][0] == "Sumner Welles"
