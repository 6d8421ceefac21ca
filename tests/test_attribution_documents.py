"""Documents, bodies and fragments in diplomatic history prose: a treaty's article speaks for the
treaty, a body adopting a resolution speaks through it, "whose" points back to its antecedent, a
colon after a speech act carries it on, and labels are told from words. All texts are prose we
wrote for these tests."""


def test_an_article_speaks_for_the_treaty_it_belongs_to(quotes_of, analyze_text):
    text = ("Caleb Cushing concluded the Treaty of Wanghia with China in 1844. Article II provided that American "
            "merchants would “pay no other or higher duties” than those of the most favored nation.\n\n"
            "The boundary was left to commissioners. Article IV of the Treaty of Ghent provided that they would "
            "“decide the boundary according to the true intent of the treaty of 1783.”\n\n"
            "The two allies signed an agreement in February 1942. Article VII of their agreement committed "
            "both governments “to expand production and employment.”\n")
    got = quotes_of(text)
    assert got["“pay no other or higher duties”"][0] == "Treaty of Wanghia"
    assert got["“decide the boundary according to the true intent of the treaty of 1783.”"][0] == "Treaty of Ghent"
    assert got["“to expand production and employment.”"][0] == "Article VII"  # no document named: the part
    names = {e.name for e in analyze_text("Under Article I of the Treaty of Cession, the Tsar agreed “to cede "
                                          "the territory.”\n").entities}
    assert {"Article I", "Treaty of Cession"} <= names and "Under Article" not in names


def test_bodies_resolutions_and_whose(quotes_of):
    got = quotes_of(
        "The General Assembly met in emergency session and adopted a resolution calling upon Israel “to "
        "withdraw its forces without delay.”\n\n"
        "On January 1, 1942, the Declaration by United Nations recorded that its signatories would “employ "
        "their full resources” against the Axis.\n\n"
        "The Treaty of Kanagawa, whose first article promised “a perfect, permanent, and universal peace,” "
        "opened two ports.\n\n"
        "Ambassador Adlai Stevenson, whose claim that the United States sought “peace with justice” pleased "
        "the delegates, spoke next.\n")
    assert got["“to withdraw its forces without delay.”"][0] == "General Assembly"
    assert got["“employ their full resources”"][0] == "Declaration by United Nations"
    assert got["“a perfect, permanent, and universal peace,”"][0] == "Treaty of Kanagawa"
    assert got["“peace with justice”"][0] == "Adlai Stevenson"


def test_who_speaks_after_a_colon_a_charge_or_an_unnamed_official(quotes_of):
    got = quotes_of(
        "Aristide Briand answered with a counterproposal: instead of a pact between two nations, the powers "
        "together should sign “a treaty of perpetual friendship” renouncing war.\n\n"
        "Senator Joseph McCarthy addressed the Senate in February 1950, charging that the department was "
        "“thoroughly infested” with communists.\n\n"
        "One State Department official warned that the plan would be “a disaster for the alliance.”\n\n"
        "The line ran west to the “Shining Mountains,” as the Rocky Mountains were then called.\n")
    assert got["“a treaty of perpetual friendship”"][0] == "Aristide Briand"
    assert got["“thoroughly infested”"][0] == "Joseph McCarthy"
    assert got["“a disaster for the alliance.”"][0] is None  # somebody the text does not name
    assert got["“Shining Mountains,”"][0] is None  # what the mountains were called, not their words


def test_titles_after_plural_work_nouns_in_the_and_statements(quotes_of):
    got = quotes_of(
        "In 1971 Nixon sent the second of his annual reports to Congress on foreign policy, “Building for "
        "Peace.”\n\n"
        "The commission fixed the total in the “London Schedule of Payments.”\n\n"
        "The two leaders approved a statement of “Principles of Mutual Relations,” which declared that "
        "“peaceful coexistence has no alternative.”\n")
    assert got["“Building for Peace.”"] == (None, "title")
    assert got["“London Schedule of Payments.”"] == (None, "title")
    assert got["“Principles of Mutual Relations,”"] == (None, "title")


def test_fragments_that_are_words_and_labels_that_are_not(quotes_of):
    got = quotes_of(
        "Jimmy Carter admitted past failures and promised to correct them “quickly and openly,” beginning "
        "with travel rules.\n\n"
        "When talks stalled, Theodore Roosevelt stepped in with the proposal that Russia “buy back” half of "
        "the island.\n\n"
        "Mikhail Gorbachev pursued “glasnost” at home.\n\n"
        "The Dawes Plan set payments that rose over five years to a “standard annuity” of 2.5 billion marks. "
        "The Treaty of Paris had distinguished the American “right” to fish from a mere privilege.\n")
    assert got["“quickly and openly,”"] == ("Jimmy Carter", "speech")
    assert got["“buy back”"] == ("Theodore Roosevelt", "speech")
    assert got["“glasnost”"] == (None, "term")  # a noun phrase: a label, not his words
    assert quotes_of("Warren Christopher traveled to Europe to promote the option of “lift and strike” in "
                     "May 1993.\n")["“lift and strike”"] == (None, "term")  # the name of an option
    assert got["“standard annuity”"] == (None, "term")
    assert got["“right”"] == (None, "term")


def test_articles_of_which_titles_that_name_the_treaty_and_en_dashes(quotes_of, analyze_text):
    got = quotes_of(
        "The Treaty of Portsmouth, signed in September 1905, ended the Russo-Japanese War.\n\n"
        "The delegates met in New Hampshire in August. Witte bargained hard over Sakhalin.\n\n"
        "The settlement was signed in September. In Article II, the Russian Government acknowledged that Japan "
        "held in Korea “paramount political, military and economic interests.”\n\n"
        "At Montevideo, Cordell Hull signed the Convention on Rights and Duties of States, Article 8 of which "
        "provided that “no state has the right to intervene.”\n")
    assert got["“paramount political, military and economic interests.”"][0] == "Treaty of Portsmouth"
    assert got["“no state has the right to intervene.”"][0] == "Convention on Rights and Duties of States"
    names = {e.name for e in analyze_text("Its basis was the Hay–Bunau-Varilla Treaty of 1903.\n").entities}
    assert "Hay–Bunau-Varilla Treaty" in names
    assert quotes_of("In the north, Venustiano Carranza proclaimed the “Plan of Guadalupe,” which named him "
                     "First Chief.\n")["“Plan of Guadalupe,”"] == (None, "title")


def test_speakers_the_model_or_the_parser_misses(quotes_of, analyze_text):
    got = quotes_of(
        "Fisher Ames of Massachusetts, a former congressman, complained, “We are to spend money of which we "
        "have too little.”\n\n"
        "Prime Minister Lord Palmerston opened the Cabinet meeting by declaring, “You may stand for this, but "
        "damned if I will!”\n\n"
        "Charles Francis Adams found himself isolated. His son and private secretary, Henry Adams, warned his "
        "brother that “this nation means to make war.”\n\n"
        "The El Paso Herald demanded that the army “go in after Villa and stay.”\n\n"
        "In July, John Quincy Adams informed the Russian minister that the United States would assert the "
        "principle “that the American continents are no longer subjects for colonization.”\n")
    assert got["“We are to spend money of which we have too little.”"][0] == "Fisher Ames"
    assert got["“You may stand for this, but damned if I will!”"][0] == "Lord Palmerston"
    assert got["“this nation means to make war.”"][0] == "Henry Adams"
    assert got["“go in after Villa and stay.”"][0] == "El Paso Herald"
    assert got["“that the American continents are no longer subjects for colonization.”"][0] == "John Quincy Adams"
    names = {a for e in analyze_text("Later, Adams reminded Russell that the rams were a threat.\n").entities
             for a in e.aliases}
    assert "Adams reminded Russell" not in names and {"Adams", "Russell"} <= names


def test_a_queen_is_she_and_a_colon_after_a_clause_describing_the_words(quotes_of):
    got = quotes_of(
        "King Kalakaua died in 1891 and was succeeded by his sister, Liliuokalani. Stevens worked against "
        "the Queen from the start. In January 1893 she gave way. “I yield to the superior force of the "
        "United States,” she declared.\n\n"
        "The Shanghai Communiqué set out both views. On Taiwan, it used language that both sides could "
        "accept: “The United States acknowledges that there is but one China.”\n")
    assert got["“I yield to the superior force of the United States,”"][0] == "Liliuokalani"
    assert got["“The United States acknowledges that there is but one China.”"][0] == "Shanghai Communiqué"


def test_a_paper_naming_with_words_and_a_treaty_clause_no_reporter_reaches(quotes_of):
    got = quotes_of(
        "Newspapers demanded satisfaction for what the Morning Post called “an outrage on the British flag.” "
        "Clerks filed the papers under what the Foreign Office called the “Trent affair.”\n\n"
        "Marcy instructed Gadsden to obtain release from Article XI of the Treaty of Guadalupe Hidalgo, under "
        "which the United States had promised that raids “shall be forcibly restrained.”\n")
    assert got["“an outrage on the British flag.”"][0] == "Morning Post"
    assert got["“Trent affair.”"] == (None, "term")  # a body's short name for a thing: a label
    assert quotes_of("Bulganin proposed joint action, an offer the White House called “unthinkable.”\n")[
        "“unthinkable.”"][0] == "White House"  # no noun phrase: a judgement in the body's words
    assert got["“shall be forcibly restrained.”"][0] != "William L. Marcy"


def test_the_agreement_an_essay_is_about(quotes_of):
    got = quotes_of(
        "The Rush-Bagot Pact of 1817 limited naval armaments on the Great Lakes.\n\n"
        "The war had left both sides building warships on the lakes. Castlereagh proposed limits in 1816, "
        "and Monroe welcomed the idea.\n\n"
        "Rush and Bagot exchanged notes in April 1817. “The naval force to be maintained upon the lakes,” the "
        "agreement read, “shall henceforth be confined to the following vessels.”\n")
    assert got["“The naval force to be maintained upon the lakes,”"][0] == "Rush-Bagot Pact"


def test_the_letter_someone_spoke_in_two_sentences_back(quotes_of):
    got = quotes_of(
        "In a longhand letter of January 1946, Harry Truman called Soviet conduct an outrage and concluded: "
        "“Only one language do they understand.” He underlined the words twice. The letter ended bluntly: "
        "“I’m tired of babying the Soviets.”\n")
    assert got["“I’m tired of babying the Soviets.”"][0] == "Harry S. Truman"


def test_an_office_before_a_peers_title_is_kept_in_the_titled_alias(analyze_text):
    doc = analyze_text("Prime Minister Lord Palmerston opened the meeting. Palmerston was angry.\n")
    person = next(e for e in doc.entities if e.type == "PERSON" and "Palmerston" in e.aliases)
    assert "Prime Minister Lord Palmerston" in person.aliases


def test_a_progressive_clause_is_reported_not_heard(quotes_of):
    got = quotes_of("Senator J. William Fulbright objected that the administration was asking Congress for “a "
                    "blank check” without explaining its policy.\n")
    assert got["“a blank check”"][0] == "J. William Fulbright"


def test_a_recollection_beside_a_speech_verb_names_only_the_record(quotes_of):
    got = quotes_of("Slobodan Milošević conceded the city, telling Alija Izetbegović, as Richard Holbrooke recalled, "
                    "that he “deserved Sarajevo” because he had fought for it.\n")
    assert got["“deserved Sarajevo”"][0] == "Slobodan Milošević"


def test_a_colon_after_the_sentence_that_came_to_define_something(quotes_of):
    got = quotes_of("Woodrow Wilson asked Congress to declare war, and he closed with the sentence that came to "
                    "define the war effort: “The world must be made safe for democracy.”\n")
    assert got["“The world must be made safe for democracy.”"][0] == "Woodrow Wilson"
