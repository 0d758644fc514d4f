package article

import "testing"

// TestSharedSurname holds bare surnames that two people of the article share (sharedSurname): the
// speaker shown must be the person the article means there. It says "text=speaker (mention)@rule".
func TestSharedSurname(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"the one named in full most often, not a spouse named once in passing",
			"Headline\n\nJane Baker spoke in Dayton on Monday. Jane Baker won the vote.\n\nThe fair drew Jane Baker and her husband, former Governor Tom Baker, on Tuesday.\n\nThe vote is next week.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Jane Baker (Baker)@after-name-verb"},
		{"the one named in full as the subject of a sentence just before",
			"Headline\n\nJane Baker spoke in Dayton on Monday. Jane Baker won the vote.\n\nTom Baker said the town was broke.\n\nHis wife, Jane Baker, nodded.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Tom Baker (Baker)@after-name-verb"},
		{"a name in passing just before is no subject",
			"Headline\n\nJane Baker spoke in Dayton on Monday. Jane Baker won the vote.\n\nShe thanked her husband, Tom Baker, for his help.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Jane Baker (Baker)@after-name-verb"},
		{"the honorific's gender",
			"Headline\n\nMrs. Jane Baker spoke in Dayton on Monday.\n\nHer husband, Tom Baker, said the town was broke.\n\n“We cannot pay,” Mrs. Baker said.",
			"We cannot pay,=Jane Baker (Mrs. Baker)@after-name-verb"},
		{"the one the headline names, of two named as often",
			"Jane Baker Says The Town Is Broke\n\nOn Monday, the fair drew Tom Baker and his wife, Jane Baker.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Jane Baker (Baker)@after-name-verb"},
		{"the one whose role holds the mention's title",
			"Headline\n\nFormer President Tom Baker spoke in Dayton. Jane Baker spoke in Troy, and Jane Baker won.\n\n“We cannot pay,” President Baker said.",
			"We cannot pay,=Tom Baker (President Baker)@after-name-verb"},
		{"a reflexive pronoun's gender",
			"Headline\n\nJane Baker spoke in Dayton on Monday.\n\nTom Baker said he was tired.\n\nBaker herself warned that the town was broke. “We cannot pay,” she said.",
			"We cannot pay,=Jane Baker (she)@after-name-verb"},
		{"a name that ends in another's is that person",
			"Headline\n\nTom Baker won the vote on Monday. His wife, Jane Baker, was there.\n\nLater, Democrat Tom Baker thanked the town.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Tom Baker (Baker)@after-name-verb"},
	}
	checkMention(t, "", cases)
}

// TestPronounAfterName holds the gender a pronoun right after a full name tells of its person
// (pronounOfName), which rules a "he" or a "she" out later; where the pronoun tells nothing, the
// names are given to men and women both, so that the given name tells nothing either. It says
// "text=speaker (mention)@rule".
func TestPronounAfterName(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"a possessive in a who clause after a name that opens the sentence (pronounAfterName)",
			"Headline\n\nJane Baker spoke first. Tom Smith, who said his town was broke, left early.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Baker (she)@after-name-verb"},
		{"a reflexive after a name that opens the sentence (pronounAfterName)",
			"Headline\n\nJane Baker spoke first. Tom Smith found himself alone at the fair.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Baker (she)@after-name-verb"},
		{"a name after a preposition is no subject the pronoun stands for",
			"Headline\n\nTom Smith spoke first. The wife of Tom Smith said she was tired.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Smith (he)@after-name-verb"},
		{"an object pronoun is another person (pronounAfterName)",
			"Headline\n\nJan Baker spoke first. Pat Smith thanked her for the plan.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Pat Smith (she)@after-name-verb"},
		{"a pronoun after a comma that opens no who clause of the name's (pronounAfterName)",
			"Headline\n\nPat Smith spoke first. Jan Baker, who he thanked, nodded.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Jan Baker (he)@after-name-verb"},
	}
	checkMention(t, "", cases)
}

// TestGroupEntity holds capitalised words that name no one person: an organisation's name
// (groupEntity), which no "he" or "she" and no bare word that opens the name stands for, a place's
// name the article writes after "in" (notePlace) or a name in capitals (capitalsName), which no
// "he" or "she" stands for, and an indefinite pronoun that opens a sentence (subjectName). It says
// "text=speaker (mention)@rule".
func TestGroupEntity(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"he passes over an organisation",
			"Headline\n\nTom Baker spoke first. Later, Town Hope Foundation gave money.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"he passes over a name that ends in a noun for a building or an office (groupNounsEn)",
			"Headline\n\nTom Baker spoke first. Later, Port Hope Community Center opened.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"she passes over a company's name (groupNounsEn)",
			"Headline\n\nJan Baker spoke first. Later, Hope Technologies cut jobs.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jan Baker (she)@after-name-verb"},
		{"he passes over a paper's name",
			"Headline\n\nTom Baker spoke first. Later, Town News reported the vote.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"a bare surname is the person's, not an organisation's that holds it",
			"Headline\n\nTeam Baker opened an office in May, and the fair drew Tom Baker on Tuesday.\n\nThe vote is next week.\n\nThe town is broke.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Tom Baker (Baker)@after-name-verb"},
		{"an indefinite pronoun that opens a sentence is no name he stands for (subjectName)",
			"Headline\n\nTom Baker spoke first.\n\nNobody asked about the budget, so Tom Baker brought it up himself. He called it “a disgrace.”",
			"a disgrace.=Tom Baker (He)@before-verb"},
		{"a bare word is not the organisation its name opens",
			"Headline\n\nBaker University opened in May.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Baker (Baker)@after-name-verb"},
		{"he passes over a place the article writes after in (notePlace)",
			"Headline\n\nTom Baker runs a bakery in Port Hope, not far from the river.\n\nPort Hope has lost two mills.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"she names no place the article writes after in, and nobody when no one else is near (notePlace)",
			"Headline\n\nThe vote was held in Port Hope on Monday.\n\nPort Hope has lost two mills.\n\n“We cannot pay,” she said.",
			"We cannot pay,= (she)@after-name-verb"},
		{"he passes over a name in capitals (capitalsName)",
			"Headline\n\nTom Baker spoke first. Later, TVN aired the vote.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"she names no acronym (capitalsName)",
			"Headline\n\nThe vote was held on Monday, and TVN filmed it.\n\nTVN has lost two reporters.\n\n“We cannot pay,” she said.",
			"We cannot pay,= (she)@after-name-verb"},
		{"a name after in that a lower-case noun follows is no place's (notePlace)",
			"Headline\n\nThe vote was held in Tom Baker country.\n\nTom Baker has lost two mills.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
	}
	checkMention(t, "", cases)
}

// TestSubjectPronoun holds English sentence subjects that a later "he" or "she" stands for, and
// what a pronoun resolved to a subject or a given name tells of its gender. It says
// "text=speaker (mention)@rule".
func TestSubjectPronoun(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"the person after a place's possessive is the subject (nameAfterOwner)",
			"Headline\n\nJane Smith spoke first.\n\nPort Hope’s Tom Baker has lost two mills. “We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"she resolved to a subject of her paragraph tells that subject is a woman, whom he then passes over (subjectBefore)",
			"Headline\n\nTom Baker spoke first.\n\nPat Lane runs the mill. “We cannot pay,” she said.\n\n“We can,” he said.",
			"We cannot pay,=Pat Lane (she)@after-name-verb | We can,=Tom Baker (he)@after-name-verb"},
		{"a given name tells the person's gender: she passes over Tom Baker (givenNameOf)",
			"Headline\n\nJane Smith spoke first. Tom Baker spoke next.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Smith (she)@after-name-verb"},
		{"a given name for men and women both tells nothing (givenNameOf)",
			"Headline\n\nJane Smith spoke first. Pat Baker spoke next.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Pat Baker (she)@after-name-verb"},
		{"a noun for a person before a full name is what the person is, not a word of the name (personAfterLabel)",
			"Headline\n\nComedian Jane Smith spoke first.\n\n“We cannot pay,” Smith said.",
			"We cannot pay,=Jane Smith (Smith)@after-name-verb"},
		{"so is a hyphenated adjective (personAfterLabel)",
			"Headline\n\nTexas-based Tom Baker spoke first.\n\n“We cannot pay,” he said.",
			"We cannot pay,=Tom Baker (he)@after-name-verb"},
		{"a name that opens with a given name keeps its second (personAfterLabel)",
			"Headline\n\nMary Jane Baker spoke first.\n\n“We cannot pay,” Baker said.",
			"We cannot pay,=Mary Jane Baker (Baker)@after-name-verb"},
		{"it stands for no person the article tells the gender of (resolvePronoun)",
			"Headline\n\nTom Baker signed the letter on Monday.\n\n“We cannot pay,” it said.",
			"We cannot pay,= (it)@after-name-verb"},
		{"it stands for an organisation (resolvePronoun)",
			"Headline\n\nTom Baker spoke first. Later, Port Hope Mills cut jobs.\n\n“We cannot pay,” it said.",
			"We cannot pay,=Port Hope Mills (it)@after-name-verb"},
		{"she resolved to a speaker of another paragraph tells nothing (subjectBefore)",
			"Headline\n\nPat Lane spoke first.\n\nThe mill is old. “We cannot pay,” she said.\n\n“We can,” he said.",
			"We cannot pay,=Pat Lane (she)@after-name-verb | We can,=Pat Lane (he)@after-name-verb"},
	}
	checkMention(t, "", cases)
}

// TestSharedSurnameAllocs checks that sharedSurname, which the registry asks of every bare surname
// two people of an article share, weighs its people without allocating.
func TestSharedSurnameAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumentation allocates")
	}
	e := newEngine(new(scratch))
	e.scan(splitParagraphs("Headline\n\nJane Baker spoke in Dayton. Jane Baker won.\n\nShe thanked her husband, Tom Baker, for his help.\n\n“We cannot pay,” Baker said."))
	e.setLang("")
	e.attribute()
	ps := e.ps[len(e.ps)-1]
	a := -1
	for i, tk := range ps.toks {
		if tk.kind() == tWord && nameWord(tk) == "baker" {
			a = i
		}
	}
	head := e.rg.slot("baker").surname
	if a < 0 || head == nil || head.sameLast == nil {
		t.Fatalf("no shared surname to weigh: mention at %d, head %v", a, head)
	}
	if got := e.rg.sharedSurname(ps, a, a+1, head); got == nil || got.name != "Jane Baker" {
		t.Fatalf("sharedSurname = %v, want Jane Baker", got)
	}
	if n := testing.AllocsPerRun(100, func() { e.rg.sharedSurname(ps, a, a+1, head) }); n != 0 {
		t.Errorf("sharedSurname allocates %v times a call, want 0", n)
	}
}
