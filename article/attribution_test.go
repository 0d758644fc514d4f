package article

import (
	"fmt"
	"strings"
	"testing"
)

// attributed runs the quote engine on text (a headline, then body paragraphs separated by blank
// lines) and describes each quotation as "text=speaker/kind@rule", rule being the id of the rule
// that attributed it (empty when none did).
func attributed(text string) string {
	e := newEngine(new(scratch))
	e.scan(splitParagraphs(text))
	e.setLang("")
	e.attribute()
	qs, _ := e.output()
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%s=%s/%s@%s", q.Text, q.Speaker, q.Kind, e.segs[i].m.rule)
	}
	return b.String()
}

// sieveCase is one case of the sieve's table tests: text after a common opening, and the
// quotations attributed says it holds.
type sieveCase struct{ name, in, want string }

// checkSieve runs the cases, each after the opening prefix.
func checkSieve(t *testing.T, prefix string, cases []sieveCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := attributed(prefix + c.in); got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

const intro = "Headline\n\nThe mayor is Jane Smith, and the senator is Tom Baker.\n\n"

func TestSieveGood(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"after name verb", `“We will win,” Smith said.`, "We will win,=Jane Smith/direct@after-name-verb"},
		{"after verb name", `“We will win,” said Smith.`, "We will win,=Jane Smith/direct@after-verb-name"},
		{"after appositive", `“We will win,” Jane Smith, the mayor of the town, said.`, "We will win,=Jane Smith/direct@after-name-verb"},
		{"after appositive with a comma", `“We will win,” Jane Smith, now 61 and retired in Cambridge, Mass., said by telephone.`, "We will win,=Jane Smith/direct@after-name-verb"},
		{"after description", `“We will win,” a campaign spokesman said.`, "We will win,=/direct@after-name-verb"},
		{"after verb partitive", `“We will win,” said one of the advisers, who spoke on condition of anonymity.`, "We will win,=/direct@after-verb-name"},
		{"intro colon", `Smith said: “We will win.”`, "We will win.=Jane Smith/direct@before-verb"},
		{"intro comma", `Smith said, “We will win.”`, "We will win.=Jane Smith/direct@before-verb"},
		{"intro object", `Smith asked him, “Will you win?”`, "Will you win?=Jane Smith/direct@before-verb"},
		{"partial", `Baker argued that the plan was “a disaster for the town.”`, "a disaster for the town.=Tom Baker/partial@before-verb"},
		{"partial in a reported clause", `Baker said Smith called the plan “a disaster for the town.”`, "a disaster for the town.=Tom Baker/partial@before-verb"},
		{"according to", `The plan is “a disaster,” according to Baker.`, "a disaster,=Tom Baker/partial@according-to"},
		{"according to before", `According to Baker, “the plan is a disaster.”`, "the plan is a disaster.=Tom Baker/direct@according-to"},
		{"label", `BAKER: “We will win.”`, "We will win.=Tom Baker/direct@label"},
		{"label after a closed quotation", `Smith: “We will win.” Baker: “We will lose.”`, "We will win.=Jane Smith/direct@label | We will lose.=Tom Baker/direct@label"},
		{"pronoun chain", "Smith spoke first.\n\n“We will win,” she said.", "We will win,=Jane Smith/direct@after-name-verb"},
		{"two speakers", `“Yes,” Smith said. “No,” Baker replied.`, "Yes,=Jane Smith/direct@after-name-verb | No,=Tom Baker/direct@after-name-verb"},
		{"carry in paragraph", `“We will win,” Smith said. “And we will build.”`, "We will win,=Jane Smith/direct@after-name-verb | And we will build.=Jane Smith/direct@carry-paragraph"},
		{"carry after a nested quotation closed with a space", `"You shake hands and say, 'Well done,' " said Tom Baker, the senator. "It is only fair."`, "You shake hands and say, 'Well done,' =Tom Baker/direct@after-verb-name | It is only fair.=Tom Baker/direct@carry-paragraph"},
		{"carry across paragraphs", "“We will win,” Smith said.\n\n“And we will build the bridge.”", "We will win,=Jane Smith/direct@after-name-verb | And we will build the bridge.=Jane Smith/direct@carry-across"},
		{"colon paragraph", "Baker said this about the plan:\n\n“It is a disaster for everyone here.”", "It is a disaster for everyone here.=Tom Baker/direct@colon-paragraph"},
		{"newspaper rule", "“We will win.\n\n“And we will build,” Smith said.", "We will win.=Jane Smith/direct@carry-chain | And we will build,=Jane Smith/direct@after-name-verb"},
		{"participle", `Baker went on the attack, saying, “We will win.”`, "We will win.=Tom Baker/direct@before-subject"},
		{"german", `„Wir schaffen das“, sagte Smith.`, "Wir schaffen das=Jane Smith/direct@after-verb-name"},
		{"german so", `„Wir schaffen das“, so Smith.`, "Wir schaffen das=Jane Smith/direct@after-verb-name"},
		{"label inside", "“BAKER: We will win the vote.\n\n“(CROSSTALK.)\n\n“And we will build.”", "BAKER: We will win the vote.=Tom Baker/direct@label-inside | (CROSSTALK.)=/scare@ | And we will build.=Tom Baker/direct@carry-chain"},
		{"office before name", "“We will win,” town senior adviser Tom Baker conceded.", "We will win,=Tom Baker/direct@after-name-verb"},
		{"a preposition's object before the verb", "Smith replied to the question on Facebook writing, “We will win the vote.”", "We will win the vote.=Jane Smith/direct@before-verb"},
		{"a name in a description before the verb", "Officials at Town Hall said the plan was “a good deal for the whole town.”", "a good deal for the whole town.=Town Hall/partial@before-verb"},
		{"an age and a place's state in the appositive", "Cory James, 22, of Flint, Mich., said the vote would be “a surprise, if it comes to that.”", "a surprise, if it comes to that.=Cory James/partial@before-verb"},
		{"a relative pronoun after a name", "Smith met Tom Baker, who called the plan “a good deal for the whole town.”", "a good deal for the whole town.=Tom Baker/partial@before-verb"},
		{"inside parentheses", "Smith agreed. (“We will win the vote,” she said.) Baker did not.", "We will win the vote,=Jane Smith/partial@after-name-verb"},
		{"it speaks", "The town issued a statement on Tuesday. It added, “We will win the vote.”", "We will win the vote.=/direct@before-verb"},
		{"reporting subject", "Smith spoke first. A town official said she asked the question “to help the town.”", "to help the town.=/partial@before-verb"},
		{"resumed after an aside", "“We will win,” said Tom Baker, speaking of the vote, “and we will build.”", "We will win,=Tom Baker/direct@after-verb-name | and we will build.=Tom Baker/direct@before-verb-name"},
		{"verb, described name", "“We will win,” said retired neurosurgeon Tom Baker, who lives in town.", "We will win,=Tom Baker/direct@after-verb-name"},
		{"verb, adjective office name", "“We will win,” said conservative activist Tom Baker.", "We will win,=Tom Baker/direct@after-verb-name"},
		{"description, name", "“We will win,” another friend, Tom Baker told reporters.", "We will win,=Tom Baker/direct@after-name-verb"},
		{"sentence end", "The plan is “the beginning of the end” for the town, said Tom Baker, the senator.", "the beginning of the end=Tom Baker/partial@sentence-end"},
		{"sentence end after name", "The plan “failed the people of this town” last year, Baker said on Tuesday.", "failed the people of this town=Tom Baker/partial@sentence-end"},
		{"description with a phrase", "A spokesman for the town said there was “no plan at all.”", "no plan at all.=/partial@before-verb"},
		{"description familiar with something", "A source familiar with the mayor's thinking said, “She will win the vote.”", "She will win the vote.=/direct@before-verb"},
		{"credit line", "“We will win the vote and build the bridge.”\n\n— Tom Baker, on Tuesday.", "We will win the vote and build the bridge.=Tom Baker/direct@credit-line"},
		{"no comma", "“We will win the vote” Baker said.", "We will win the vote=Tom Baker/direct@after-name-verb"},
		{"plural description", "“We will win,” federal prosecutors wrote.", "We will win,=/direct@after-name-verb"},
		{"inverted opening", "Said Baker: “We will win the vote.”", "We will win the vote.=Tom Baker/direct@before-verb-name"},
		{"naming verb", `Baker called the plan “a disaster.”`, "a disaster.=Tom Baker/partial@before-verb"},
		{"sentence subject", `Smith has long defended the plan as “the best thing for our town and its people.”`, "the best thing for our town and its people.=Jane Smith/partial@subject"},
		{"sentence subject, a one-word name seen inside a sentence", `The plan came from Jones. Jones has long defended it as “the best thing for our town and its people.”`, "the best thing for our town and its people.=Jones/partial@subject"},
		{"sentence subject, a relative clause speaks", `Smith posted the message under a headline that declared, “We will win the vote and build the bridge.”`, "We will win the vote and build the bridge.=/direct@"},
		{"a thing that said speaks", `Smith posted the message under a headline that said, “We will win the vote and build the bridge.”`, "We will win the vote and build the bridge.=/direct@before-verb"},
		{"sentence subject, a capitalised noun", `Audiences can expect him to play the set with “a little more recklessness than they are used to.”`, "a little more recklessness than they are used to.=/scare@"},
		{"an appositive opened by a possessive name", `Tom Baker, Smith's chief strategist, said, “We will win the vote.”`, "We will win the vote.=Tom Baker/direct@before-verb"},
		{"a comma after an aside", `Tom Baker (R-Ohio), said, “We will win the vote.”`, "We will win the vote.=Tom Baker/direct@before-verb"},
		{"aside", `“We will win,” Tom Baker (R-Ohio) said.`, "We will win,=Tom Baker/direct@after-name-verb"},
		{"a noun that is also a verb", "“We will win the vote,” the report concluded.", "We will win the vote,=/direct@after-name-verb"},
		{"a weak verb after a noun stays the verb", "“We will win the vote,” the letter reads.", "We will win the vote,=/direct@after-name-verb"},
		{"dash credit", `“We will win.” ― Jane Smith`, "We will win.=Jane Smith/direct@after-dash"},
		{"an opening participle is no subject", "Reprising her lines, Smith talked about continuing the “progress we made in this town.”", "progress we made in this town.=Jane Smith/partial@before-subject"},
		{"an opening participle names nobody for a pronoun", "Baker spoke on Monday.\n\nSpeaking to reporters, he said the plan was “a disaster for the whole town.”", "a disaster for the whole town.=Tom Baker/partial@before-verb"},
		{"a first name that is also a word", "“We will win the vote,” said Will Doyle, a professor at the school.", "We will win the vote,=Will Doyle/direct@after-verb-name"},
		{"a surname that is also a month", "Theresa May said, “We will win the vote.”", "We will win the vote.=Theresa May/direct@before-verb"},
		{"an organisation's last word that is also a verb", "“We will win the vote,” Judicial Watch added.", "We will win the vote,=Judicial Watch/direct@after-name-verb"},
		{"two names joined by and after the quotation", "“We will win the vote,” Jane Smith and Tom Baker wrote.", "We will win the vote,=Jane Smith and Tom Baker/direct@after-name-verb"},
		{"two names joined by and before the verb", "Jane Smith and Tom Baker wrote, “We will win the vote.”", "We will win the vote.=Jane Smith and Tom Baker/direct@before-verb"},
		{"a described name before a colon inside a sentence", "The vote did not surprise town pollster Tom Baker: “We will win the vote.”", "We will win the vote.=Tom Baker/direct@label"},
		{"a number after a determiner heads the mention", "“We will win the vote,” the two write.", "We will win the vote,=/direct@after-name-verb"},
		{"a share of those asked speaks", "Asked about the vote, 21 percent said “not too likely” in the end.", "not too likely=/partial@before-verb"},
		{"a comma between adjectives of a description after the quotation", "“We will win the vote,” the bespectacled, 71-year-old diplomat said.", "We will win the vote,=/direct@after-name-verb"},
		{"a comma between adjectives of a description before the verb", "The bespectacled, 71-year-old diplomat said, “We will win the vote.”", "We will win the vote.=/direct@before-verb"},
		{"a weak verb right before the quotation after a speaking noun", "The town sent a letter to the senator. The letter continues: “We will win the vote.”", "We will win the vote.=/direct@before-verb"},
		{"a weak verb right before the quotation after it", "The town put up a sign. At the bottom it reads, “We will win the vote.”", "We will win the vote.=/direct@before-verb"},
		{"an ad speaks", "The ad says “nothing will change until the town votes for the plan.”", "nothing will change until the town votes for the plan.=/partial@before-verb"},
		{"a day before the head of a description", "“We will win the vote,” reads a Wednesday editorial in the town paper.", "We will win the vote,=/direct@after-verb-name"},
		{"a phrase with on between the speaker and the verb", "“We will win the vote,” a welcome message on the town website reads.", "We will win the vote,=/direct@after-name-verb"},
		{"a speaking noun, a verb and its particle", "The town sent an email. The email goes on to say: “We will win the vote.”", "We will win the vote.=/direct@before-subject"},
		{"a weak reporting verb right after its subject", "Baker notes that the plan would be “a disaster for the town.”", "a disaster for the town.=Tom Baker/partial@before-verb"},
		{"say after a speaking description", "Town officials say the mayor plans to “actively support” Baker.", "actively support=/partial@before-verb"},
		{"a participle's subject: a name past a short phrase", "Tom Baker on Thursday stepped up his attacks, saying the plan was “a disaster for the town.”", "a disaster for the town.=Tom Baker/partial@before-subject"},
		{"a participle's subject: a name past an appositive", "Baker, the senator from the town, went on the attack, calling the plan “a disaster for the town.”", "a disaster for the town.=Tom Baker/partial@before-subject"},
		{"a participle's subject: a description up to its speaking head", "The senator left no doubt about the vote, saying the plan was “a disaster for the town.”", "a disaster for the town.=/partial@before-subject"},
		{"an opening name past an appositive opened by a possessive in s’", "Tom Baker, Jones’ senior adviser, said the town is engaged in misguided “mischief” at the hall.", "mischief=Tom Baker/partial@before-verb"},
		{"a plural speaking noun that opens the sentence", "Officials said the plan was “a disaster for the town.”", "a disaster for the town.=/partial@before-verb"},
		{"a plural speaking noun that opens the sentence, with a phrase after it", "Officials at the town hall said the plan was “a disaster for the town.”", "a disaster for the town.=/partial@before-verb"},
		{"a sentence adverb between the subject and its verb", "Baker however said he would welcome the town’s part in a “principled security network” for the region.", "principled security network=Tom Baker/partial@before-verb"},
		{"an organisation speaks", "The network said that the plan was “a disaster for the town.”", "a disaster for the town.=/partial@before-verb"},
		{"a description before a speech verb of repetition", "Smith spoke first. The mayor reiterated: “We will win the vote.”", "We will win the vote.=/direct@before-verb"},
		{"after names joined by and with a phrase after them", "“We will win the vote,” town experts Tom Baker and Jane Smith of the Institute for Town Studies wrote in May.", "We will win the vote,=Tom Baker and Jane Smith/direct@after-name-verb"},
		{"after a possessive name's office and an appositive name", "“We will win the vote,” Town Rep. Jane Smith’s chief of staff, Tom Baker, told POLITICO on Tuesday.", "We will win the vote,=Tom Baker/direct@after-name-verb"},
		{"after a relative clause without its closing comma", "“We will win the vote,” Tom Baker, who is chairman of the Town Council said in a statement.", "We will win the vote,=Tom Baker/direct@after-name-verb"},
		{"after descriptions joined by and", "“We will win the vote,” the independent town senator and Democratic presidential candidate told reporters.", "We will win the vote,=/direct@after-name-verb"},
		{"after an organisation's name with a phrase, an office and a name", "“We will win the vote,” Fight for $15 organizing director Tom Baker told reporters.", "We will win the vote,=Tom Baker/direct@after-name-verb"},
		{"a sentence according to a source whose head does not speak", "According to her longtime physician, the mayor had “astonishingly excellent” results in her latest exam.", "astonishingly excellent=/partial@according-to"},
		{"a sentence according to a pronoun and a phrase", "According to some on Twitter, Smith was “incognito” at the meeting.", "incognito=/partial@according-to"},
		{"a pronoun after a teller and a plural object is the teller", "Baker spoke first. Last week, Smith told reporters she thought Baker had “made up the story.”", "made up the story.=Jane Smith/partial@before-verb"},
		{"an intro before a question, a new sentence after it", "Smith, exasperated, famously responded: “What difference does it make?” Her critics cited it as evidence.", "What difference does it make?=Jane Smith/direct@before-verb"},
		{"a tag after a question that introduces its own quotation", "Smith responds to Baker with, “Why now? Why here?” Baker then writes back, “You look fine.”", "Why now? Why here?=Jane Smith/direct@before-verb | You look fine.=Tom Baker/direct@before-verb"},
		{"a paragraph in other marks that says I goes on the speaker's words",
			"“We will win the vote,” Smith said in her speech.\n\n\"I know the town is with us.\"",
			"We will win the vote,=Jane Smith/direct@after-name-verb | I know the town is with us.=Jane Smith/direct@carry-across"},
		{"the clause a colon ends has its own subject after an earlier speech verb", "When Baker suggested that the town would pay, Smith fired back forcefully: “The town will not pay a cent.”", "The town will not pay a cent.=Jane Smith/direct@before-verb"},
		{"a clause after a quotation and but, ended by a colon", "Baker said the plans are “a waste of time,” but Smith gave him a compliment: “You never have to guess where he is.”", "a waste of time,=Tom Baker/partial@before-verb | You never have to guess where he is.=Jane Smith/direct@before-verb"},
		{"a quotation that goes on in lower case after its tag and a phrase", "“We will win the vote,” Smith wrote in a letter to Baker explaining why she is running, “but the town must help.”", "We will win the vote,=Jane Smith/direct@after-name-verb | but the town must help.=Jane Smith/direct@before-verb"},
		{"a short term after as is the subject's characterization", "Smith dismissed the whole plan as “absurd.”", "absurd.=Jane Smith/partial@subject"},
		{"a weak verb that is a noun after a capitalised adjective is no cue, the subject's as is", "Smith rated 20% of Republican claims as “mostly false” last year.", "mostly false=Jane Smith/partial@subject"},
		{"a manager speaks", "The campaign manager said he is “gratified” by the vote.", "gratified=/partial@before-verb"},
		{"a name in the possessive opens a speaking description", "Jane Smith’s campaign said the speech would be “regarding the election.”", "regarding the election.=/partial@before-verb"},
		{"a quantifier that stands for people named before speaks", "Voters were polled on the plan; most said it was “a disaster.”", "a disaster.=/partial@before-verb"},
		{"a share of those asked speaks", "About four in 10 said they were “angry” with the town.", "angry=/partial@before-verb"},
		{"according to closes the sentence past other words", "The word “birther” was used more than 80 times on the network, according to a review of its transcripts.", "birther=/partial@according-to"},
		{"according to a source whose head does not speak, after the quotation", "Smith met Baker “to discuss the budget for the town,” according to a Pentagon readout.", "to discuss the budget for the town,=/partial@according-to"},
		{"according to a bare plural of a speaking noun", "The memo was labeled “top secret” by the town, according to multiple intelligence sources who read it.", "top secret=/partial@according-to"},
		{"a weak verb that reports a clause right after its subject pronoun", "Smith spoke first. She vows that the budget will be a “top priority.”", "top priority.=Jane Smith/partial@before-verb"},
		{"a quotation after a short opener goes on with the tagged quotation before it", "“She is supposed to lead the town,” Baker said. Instead, “she just acts like a defeated woman.”", "She is supposed to lead the town,=Tom Baker/direct@after-name-verb | she just acts like a defeated woman.=Tom Baker/partial@carry-paragraph"},
		{"a long appositive between the name and the verb", "Tom Baker, a top town operative who played a major role in the mayor’s big win in 2008 and is now running the early-vote efforts in the county, said the program is a “critical part of our strategy.”", "critical part of our strategy.=Tom Baker/partial@before-verb"},
		{"an aside between dashes after the name", "Tom Baker — a teacher from the town — says he made up his mind, and that the endorsement was “a big deal.”", "a big deal.=Tom Baker/partial@before-verb"},
		{"an opening span of time is no subject", "Hours later, Smith issued a statement calling the plan “a disaster for the town.”", "a disaster for the town.=Jane Smith/partial@before-subject"},
	}
	checkSieve(t, intro, cases)
}

// TestSieveBad holds quotations that must stay without a speaker.
func TestSieveBad(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"scare", `Smith spoke about the “rigged” system.`, "rigged=/scare@"},
		{"title", `Smith said on NBC’s “Meet the Press” that she would run.`, "Meet the Press=/scare@"},
		{"conjunction after", `Baker did his job in “talking,” but Smith asked questions.`, "talking,=/scare@"},
		{"no verb", `The sign read “Vote now or never again, friends.”`, "Vote now or never again, friends.=/direct@"},
		{"carry across a new speaker", "“We will win,” Smith said. Baker disagreed with her on the budget.\n\n“It is a disaster for everyone.”", "We will win,=Jane Smith/direct@after-name-verb | It is a disaster for everyone.=/direct@"},
		{"told object is not subject", `Smith told Fox News: “We will win.”`, "We will win.=Jane Smith/direct@before-verb"},
		{"a work's title", "Smith said she acted in the movie “Sharknado 3: Oh Hell No!” last year.", "Sharknado 3: Oh Hell No!=/scare@"},
		{"so-called", `Smith said the so-called “reform plan for the whole town” failed.`, "reform plan for the whole town=/scare@"},
		{"naming verb needs a name", `A group called the “Friends of the Town” met.`, "Friends of the Town=/scare@"},
		{"a bare name before a colon inside a sentence is an object", "The plane flew on to Paris: “We will win the vote.”", "We will win the vote.=/direct@"},
		{"a weak verb that is a noun before the quotation", "In her economically depressed state, “we will win the vote.”", "we will win the vote.=/scare@"},
		{"a participle's subject: a description whose head does not speak", "The bill left no doubt about the vote, saying the plan was “a disaster for the town.”", "a disaster for the town.=/scare@"},
		{"a bare singular noun that modifies the next is no subject", "If she quits, party procedures give the chair of the town council authority to call a “special meeting” on the vote.", "special meeting=/scare@"},
		{"a phrase after the quotation that opens with a preposition", "The plan would “make the town great,” for instance, and Baker vowed to fight it.", "make the town great,=/scare@"},
		{"a participle after a noun phrase after the quotation", "The plan would “make the town great,” a nod to the mayor acknowledging her work.", "make the town great,=/scare@"},
		{"according to inside the sentence reads only a speaking head", "The mayor, according to some on Twitter, was “incognito” at the meeting.", "incognito=/scare@"},
		{"a capitalised pronoun after a question opens a sentence of its own", "Baker was asked, “Will you win the election this year?” He answered with a shrug.", "Will you win the election this year?=/direct@"},
		{"a paragraph in other marks that tells of others is an excerpt's passage",
			"“We will win the vote,” Smith said in her speech.\n\n\"Baker walked onto the stage and the crowd cheered.\"",
			"We will win the vote,=Jane Smith/direct@after-name-verb | Baker walked onto the stage and the crowd cheered.=/direct@"},
		{"a party's initial joined by a hyphen is no pronoun of a speaker",
			"“We will win the vote,” Smith said. “Then we build.\n\n“Sen. Tom Baker (I-Vt.) walked onto the stage and the crowd cheered.\n\n“We will build it now,” she said.",
			"We will win the vote,=Jane Smith/direct@after-name-verb | Then we build.=Jane Smith/direct@carry-paragraph | Sen. Tom Baker (I-Vt.) walked onto the stage and the crowd cheered.=/direct@ | We will build it now,=Jane Smith/direct@after-name-verb"},
		{"a short reply to a question is someone else's answer",
			"“Do we make promises we cannot keep?” Smith asked.\n\n“Nooooo!”",
			"Do we make promises we cannot keep?=Jane Smith/direct@after-name-verb | Nooooo!=/scare@"},
		{"a photo credit names no one a pronoun may mean",
			"Getty/Instagram.\n\nA month later, he called the plan “a disaster for the town.”",
			"a disaster for the town.=/partial@before-verb"},
		{"a web address is nobody's words", `Smith said the video is at <a href="http://video.example.com">the site</a>.`, "http://video.example.com=/scare@"},
		{"passive", `Baker was asked, “Will you win the election this year?”`, "Will you win the election this year?=/direct@"},
		{"a closing attribution after a quotation that ends its sentence is another sentence's", "Smith’s reply was: “Is the town shop in Ohio?” The shop sells pottery, according to its website.", "Is the town shop in Ohio?=/direct@"},
		{"a clause before a quotation after a tagged one is no opener", "Baker said the plan was “more honest” than others. It turns out even “honesty” is relative.", "more honest=Tom Baker/partial@before-verb | honesty=/scare@"},
		{"sentence end clause goes on", "The “plan” failed, Baker said the town would pay.", "plan=/scare@"},
		{"no comma, no speaker", `The only “medical records” that Smith released were short.`, "medical records=/scare@"},
		{"subject with a short term", `Smith has long defended the “plan.”`, "plan.=/scare@"},
		{"a short term after as that opens a clause", "Smith backed the plan, as the “autopsy” recommended.", "autopsy=/scare@"},
		{"a short term after as past a comma after the verb", "Smith backed the bank, supposedly marked as a “high priority” donor.", "high priority=/scare@"},
		{"a passage in the third person is no part of a speaker's words",
			"“We will win the vote,” Smith said. “Then we build.\n\n“Baker walked onto the stage and the crowd cheered.\n\n“We will build it now,” she said.",
			"We will win the vote,=Jane Smith/direct@after-name-verb | Then we build.=Jane Smith/direct@carry-paragraph | Baker walked onto the stage and the crowd cheered.=/direct@ | We will build it now,=Jane Smith/direct@after-name-verb"},
	}
	checkSieve(t, intro, cases)
}

func TestSieveHeadline(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"repeats a body quote and names its speaker",
			"Smith Asks: Any ‘Serious Talks’ Yet?\n\nMayor Jane Smith asked, “Were there any serious talks yet?”",
			"Serious Talks=Jane Smith/partial@headline | Were there any serious talks yet?=Jane Smith/direct@before-verb"},
		{"repeats a body quote without naming its speaker",
			"A ‘Golden Week’ Ends\n\nMayor Jane Smith said, “This was our golden week.”",
			"Golden Week=/scare@ | This was our golden week.=Jane Smith/direct@before-verb"},
		{"no body quote", "Smith and the ‘Big Deal’\n\nMayor Jane Smith spoke.", "Big Deal=/scare@"},
		{"a term in a headline that says nobody speaks",
			"Smith tries new ‘chapter’ in campaign\n\nMayor Jane Smith said, “This is a new chapter for the town.”",
			"chapter=/scare@ | This is a new chapter for the town.=Jane Smith/direct@before-verb"},
		{"a term in a headline that says someone speaks",
			"Smith slams ‘chapter’ of the plan\n\nMayor Jane Smith said, “This is a bad chapter for the town.”",
			"chapter=Jane Smith/partial@headline | This is a bad chapter for the town.=Jane Smith/direct@before-verb"},
		{"a full name and a colon open the headline, and the body names the person",
			"Tom Baker: ‘We Will Build the Bridge.’\n\nThe senator spoke on Tuesday. Baker wants a vote.",
			"We Will Build the Bridge.=Tom Baker/partial@headline-subject"},
		{"a full name and a colon open the headline, and the body never names the person",
			"Fact Check: ‘We Will Build the Bridge’\n\nThe senator spoke on Tuesday.",
			"We Will Build the Bridge=/direct@"},
		{"repeats a transcript label's quote and names its speaker", // found by FuzzQuotes
			"Baker on ‘Mocking’: No Answer\n\nThe transcript: “BAKER: Mocking is not an answer.”",
			"Mocking=Baker/partial@headline | BAKER: Mocking is not an answer.=Baker/direct@label-inside"},
	}
	checkSieve(t, "", cases)
}

// TestSieveMention holds quotations whose mention, not only their speaker, matters: it says
// "text=speaker (mention)@rule".
func TestSieveMention(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"a coordinated verb hangs on the pronoun of its clause",
			"Mayor Jane Smith started the fight when she brought up the budget and later said, “It is not just the budget.”",
			"It is not just the budget.=Jane Smith (she)@before-subject"},
		{"a participle hangs on the pronoun of the clause before it",
			"Mayor Jane Smith conceded the point even as she defended the plan, saying, “Most of it is new.”",
			"Most of it is new.=Jane Smith (she)@before-verb"},
		{"a coordinated verb after a description that opens the sentence hangs on the pronoun",
			"When Tom Baker, the campaign manager was asked about a press conference, he laughed and said, “We will see.”",
			"We will see.= (he)@before-subject"},
		{"the writer's I names no one of the article",
			"Mayor Jane Smith laughed. “Okay,” I said.",
			"Okay,= (I)@after-name-verb"},
		{"a name after a short opening phrase is the next pronoun's referent",
			"Senator Tom Baker spoke first. Later, Mayor Jane Smith claimed the town was broke.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Smith (she)@after-name-verb"},
		{"a title-case description before a name opened by a party's adjective",
			"Republican Presidential hopeful Sen. Tom Baker went on the attack, saying: “We will win the vote.”",
			"We will win the vote.=Tom Baker (Sen. Tom Baker)@before-subject"},
		{"a title-case description before a name that ends with a role, past an opening phrase",
			"Later on, Town News host Jane Smith went on the attack, saying: “We will win the vote.”",
			"We will win the vote.=Jane Smith (Jane Smith)@before-subject"},
		{"a verb between two names is no description",
			"Later on, Tom Baker met Jane Smith, saying: “We will win the vote.”",
			"We will win the vote.=Tom Baker (Tom Baker)@before-subject"},
		{"she passes over a man the article calls Mr.",
			"Mr. Tom Baker spoke first. Then Mayor Jane Smith took the floor.\n\nMr. Baker rose again.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Smith (she)@after-name-verb"},
		{"she passes over a man the article calls he",
			"Tom Baker said he would vote. Then Mayor Jane Smith took the floor.\n\nBaker rose again.\n\n“We cannot pay,” she said.",
			"We cannot pay,=Jane Smith (she)@after-name-verb"},
		{"he past a woman takes no word that opened a sentence",
			"Disenchantment spread. Mrs. Jane Smith took the floor.\n\n“We cannot pay,” he said.",
			"We cannot pay,= (he)@after-name-verb"},
		{"a reported clause's pronoun is no mention",
			"Mayor Jane Smith says she respects Baker and calls him “a fine man with a long record.”",
			"a fine man with a long record.=Jane Smith (Mayor Jane Smith)@before-verb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEngine(new(scratch))
			e.scan(splitParagraphs("Headline\n\n" + c.in))
			e.setLang("")
			e.attribute()
			qs, _ := e.output()
			var b strings.Builder
			for i, q := range qs {
				m := ""
				if q.Mention != nil {
					m = q.Mention.Text
				}
				fmt.Fprintf(&b, "%s=%s (%s)@%s", q.Text, q.Speaker, m, e.segs[i].m.rule)
			}
			if got := b.String(); got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestSpeakers(t *testing.T) {
	t.Parallel()
	text := "Headline\n\nCNN’s Fareed Zakaria spoke with Kremlin Press Secretary Dmitry Peskov today.\n\n" +
		"Zakaria asked, “Was there contact?”\n\nPeskov said, “No.”\n\n“Never,” he added."
	_, sp := FindQuotes(splitParagraphs(text))
	got := fmt.Sprint(sp)
	want := "[{s1 Fareed Zakaria [Zakaria] CNN 1} {s2 Dmitry Peskov [Peskov] Kremlin Press Secretary 2}]"
	if got != want {
		t.Fatalf("speakers=%s, want %s", got, want)
	}
}

// deIntro opens the German cases: German text, so that the German rules run.
const deIntro = "Überschrift\n\nAnna Schmidt ist Bürgermeisterin, und der Senator ist Tom Becker. Tom Becker ist nicht neu.\n\n"

func TestSieveGerman(t *testing.T) {
	t.Parallel()
	cases := []sieveCase{
		{"verb before subject", "„Wir schaffen das“, sagte Schmidt.", "Wir schaffen das=Anna Schmidt/direct@after-verb-name"},
		{"so", "„Wir schaffen das“, so Becker.", "Wir schaffen das=Tom Becker/direct@after-verb-name"},
		{"subject after the verb, colon", "Am Montag sagte der Sprecher der Stadt in Berlin: „Wir schaffen das.“", "Wir schaffen das.=/direct@before-verb-name"},
		{"pronoun after the verb", "Dazu erklärte er gegenüber der Zeitung: „Wir schaffen das.“", "Wir schaffen das.=Tom Becker/direct@before-verb-name"},
		{"colon, any verb", "Der 23-jährige Sportler gab bekannt: „Ich war nicht dabei.“", "Ich war nicht dabei.=/direct@colon-intro"},
		{"colon, inverted, any verb", "Dazu gab das Ministerium weiter bekannt: „Die Lage ist ernst.“", "Die Lage ist ernst.=/direct@colon-intro"},
		{"laut", "Laut Schmidt ist die Lage „ernst, aber beherrschbar“.", "ernst, aber beherrschbar=Anna Schmidt/partial@according-to"},
		{"zufolge", "Dem Bericht zufolge war die Lage „ernst, aber beherrschbar“.", "ernst, aber beherrschbar=/partial@according-to"},
		{"nach Angaben", "Nach Angaben der Polizei war die Lage „ernst, aber beherrschbar“.", "ernst, aber beherrschbar=/partial@according-to"},
		{"after, any verb", "„Das ist ein Versagen“, begründet das Gericht seine Entscheidung.", "Das ist ein Versagen=/direct@after-verb-name"},
		{"so closes the sentence", "Der Iran müsse „vollständig und nachweislich“ handeln, so Becker.", "vollständig und nachweislich=Tom Becker/partial@sentence-end"},
		{"reported speech", "Becker sagte am Montag, die Lage sei ernst. Damit seien „alle Pläne hinfällig“.", "alle Pläne hinfällig=Tom Becker/partial@carry-reported"},
		{"object before the verb", "Schröder hatte die Zahl zum eigenen Ziel erklärt: „Wir schaffen das.“", "Wir schaffen das.=Schröder/direct@before-verb"},
		{"genitive subject", "Der Sprecher des Senats nannte den Plan „fahrlässig und teuer“.", "fahrlässig und teuer=/partial@before-verb"},
		{"a noun after a preposition is no subject", "Wegen der Gefahren des Eises warnte die Moderatorin eines Senders: „Es ist glatt.“", "Es ist glatt.=/direct@before-verb-name"},
		{"an English quotation in a German article", "“We will win the vote,” Becker said in English.", "We will win the vote,=Tom Becker/direct@after-name-verb"},
		{"title and pair", "Bundesinnenministerin Anna Schmidt und Tom Becker teilten mit: „Wir trauern.“", "Wir trauern.=Anna Schmidt und Tom Becker/direct@before-verb"},
		{"title and pair, any verb", "Bundesinnenministerin Anna Schmidt und Tom Becker gaben bekannt: „Wir trauern.“", "Wir trauern.=Anna Schmidt und Tom Becker/direct@colon-intro"},
		{"appositive before the verb", "Tom Becker, Senator der Stadt, sagte, dass der Plan „keine Vorentscheidung“ sei.", "keine Vorentscheidung=Tom Becker/partial@before-verb"},
		{"description before a name", "Der Berliner Senator Dr. Tom Becker riet allgemein zu „großer Gelassenheit“.", "großer Gelassenheit=Tom Becker/partial@before-verb"},
		{"genitive description opens the sentence", "Der Hauptgeschäftsführer des Verbands nannte sie „fahrlässig“ und ging.", "fahrlässig=/partial@before-verb"},
		{"reflexive verb before its subject", "„Die Entwicklung setzt sich fort“, äußerte sich der Senator Tom Becker in Berlin.", "Die Entwicklung setzt sich fort=Tom Becker/direct@after-verb-name"},
		{"a quoted German term", "Becker nannte den Bericht eine „Zeitungsente“.", "Zeitungsente=Tom Becker/partial@before-verb"},
		{"a quoted German name is no term", "Becker sagte der Zeitung „Berliner Morgen“, er komme.", "Berliner Morgen=/scare@"},
		{"wie clause before", "Wie der Senator Tom Becker am Dienstag erklärte, sieht die Stadt im Gesetz „kein Hindernis“.", "kein Hindernis=Tom Becker/partial@as-said"},
		{"heißt es after", "„Die Lage ist ernst“, heißt es in der Erklärung der Stadt.", "Die Lage ist ernst=/direct@it-says"},
		{"heißt es before", "In der Erklärung der Stadt heißt es: „Die Lage ist ernst.“", "Die Lage ist ernst.=/direct@it-says"},
		{"heißt es names no text", "So heißt es, die Stadt habe „jetzt begonnen“ zu zahlen.", "jetzt begonnen=/scare@"},
		{"nach den Worten", "Nach den Worten der Sprecherin ist die Lage „ernst, aber beherrschbar“.", "ernst, aber beherrschbar=/partial@according-to"},
		{"seiner Ansicht nach", "Becker schwieg. Seiner Ansicht nach ist die Lage „ernst, aber beherrschbar“.", "ernst, aber beherrschbar=/partial@according-to"},
		{"wie clause, separable verb", "Wie der Senator Tom Becker heute mitteilte, ist der Plan „als bester Vorschlag“ gewählt.", "als bester Vorschlag=Tom Becker/partial@as-said"},
		{"focus particle before the subject", "Auch der frühere Senator Tom Becker kritisierte, der Plan habe „nicht die richtige Linie“.", "nicht die richtige Linie=Tom Becker/partial@before-verb"},
		{"verb and subject close the sentence", "Vermutlich sei der Plan „ein Fehler“ gewesen, sagte Tom Becker.", "ein Fehler=Tom Becker/partial@sentence-end"},
		{"reported speech, any subjunctive", "Becker sagte am Montag, die Lage sei ernst. Es drohe „eine dramatische Wende“.", "eine dramatische Wende=Tom Becker/partial@carry-reported"},
		{"fronted object, pronoun subject", "Die Arbeit der Koalition lobte er mit den Worten: „Sie handeln klug.“", "Sie handeln klug.=Tom Becker/direct@before-verb-name"},
		{"fronted object, subject with office", "Die Anwendung der Regel stellte der Senator Tom Becker in Frage: „Das geht nicht.“", "Das geht nicht.=Tom Becker/direct@colon-intro"},
		{"an adverb opens the sentence", "Relativierend fügt Becker hinzu: „Das geht nicht.“", "Das geht nicht.=Tom Becker/direct@before-verb-name"},
		{"no comma after the quotation: a new sentence", "Sie demonstrierten unter dem Motto „Nie wieder Krieg!“ Tom Becker sagte, die Kritik sei berechtigt.", "Nie wieder Krieg!=/scare@"},
		{"a name inside the source phrase", "Laut einem Bericht des Magazins „Der Morgen“ ist die Lage ernst.", "Der Morgen=/scare@"},
		{"a name and a German verb after the comma open a sentence", "Klose nannte den Platzverweis „völlig überzogen“, Tom Becker bezeichnete die Karten als Unsinn.", "völlig überzogen=Klose/partial@before-verb"},
		{"reported speech after an inverted speech verb", "In seiner Rede erklärte Becker, die Stadt wolle sparen. Er werde „einen neuen Plan“ vorlegen.", "einen neuen Plan=Tom Becker/partial@carry-reported"},
		{"verb, subject, then the reported clause", "Später sagte Tom Becker vor der Presse, der Plan sei „ein großer Erfolg“.", "ein großer Erfolg=Tom Becker/partial@before-verb-name"},
		{"a paper's name in marks after the verb", "„Die Stadt spart an der falschen Stelle“, schreibt die „Morgenpost“ in einem Kommentar.", "Die Stadt spart an der falschen Stelle=/direct@after-verb-name | Morgenpost=/scare@"},
		{"a German reporting verb", "Becker begründete seinen Rückzug mit einer „veränderten Lage“ in Berlin.", "veränderten Lage=Tom Becker/partial@before-verb"},
		{"an adverb between subject and verb, a short term in the reported clause", "Die Kanadier hingegen sagen, der Pilot trage die „volle Verantwortung“ für die Landung.", "volle Verantwortung=/partial@subject"},
		{"a person's view with Für and a copula", "Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“.", "aus vielen Gründen verständlich=Hans Küng/partial@according-to"},
		{"Für and no person", "Für den Hafen sei der Plan „ein Gewinn für alle“.", "ein Gewinn für alle=/scare@"},
		{"a label with no verb", "Ein Sprecher der Nationalpolizei: „Hier weiß man, wer die Kriminellen sind.“", "Hier weiß man, wer die Kriminellen sind.=/direct@label"},
		{"a label with a prepositional phrase", "Die Sängerin Nina Hagen zur neuen Heimat: „Die meisten Sachen sind schon umgezogen.“", "Die meisten Sachen sind schon umgezogen.=Nina Hagen/direct@label"},
		{"a label names a person", "Der Plan der Stadt für den Hafen: „Wir bauen den Hafen neu und größer.“", "Wir bauen den Hafen neu und größer.=/direct@"},
		{"a place after the subject", "Der Sprecher der Feuerwehr in Kassel erklärte dazu: „Niemand wurde verletzt.“", "Niemand wurde verletzt.=/direct@colon-intro"},
		{"perfect, the participle closes the clause", "Tom Becker hatte am Mittwoch erklärt, für die Stadt sei „ein neuer Anfang“ nötig.", "ein neuer Anfang=Tom Becker/partial@before-verb"},
		{"a modal verb and its infinitive", "Zuvor wollte Tom Becker am Rathaus verkünden: „Die Brücke wird gebaut.“", "Die Brücke wird gebaut.=Tom Becker/direct@before-verb"},
		{"the subject opens the sentence, the phrase after the verb is its object", "Tom Becker begründete seinen Rückzug mit den Worten: „Ich bin müde.“", "Ich bin müde.=Tom Becker/partial@before-verb"},
		{"a separable speech verb, its particle before the comma", "Das Gericht stellte am Montag fest, dass der Plan „gegen das Gesetz“ verstoße.", "gegen das Gesetz=/partial@subject"},
		{"an opinion: ist der Meinung", "Tom Becker ist der Meinung, dass die Stadt „viel zu spät“ handle.", "viel zu spät=Tom Becker/partial@subject"},
		{"reported speech right after a sentence that is an attributed quotation goes on in its speaker's words", "Tom Becker war seit langem eingeweiht. „Die Stadt braucht mehr Ruhe.“ Der Plan sei ein „natürlicher Schritt“.", "Die Stadt braucht mehr Ruhe.=Tom Becker/direct@carry-subject | natürlicher Schritt=Tom Becker/partial@carry-reported"},
		{"es that opens the sentence is its subject, not the object after the verb", "Es weist den Vorwurf als abwegig zurück, man habe immer weiter „verhandelt“.", "verhandelt=/scare@"},
		{"a paper's name after laut in reported speech is no reported words", "Becker sagte am Montag, die Lage sei ernst. Außerdem habe er laut „Tagesblatt.de“ kritisiert, dass nichts geschehe.", "Tagesblatt.de=/scare@"},
		{"an organisation's name after von der in reported speech is no reported words", "Becker sagte am Montag, die Lage sei ernst. Tom Roth von der „Aktion Hilfe jetzt“ meinte, es sei zu spät.", "Aktion Hilfe jetzt=/scare@"},
		{"after von einer, words in marks in reported speech are the speaker's", "Becker sagte am Montag, die Lage sei ernst. Man sei von einer „Einigung weit entfernt“.", "Einigung weit entfernt=Tom Becker/partial@carry-reported"},
		{"reported speech after a separable speech verb", "Tom Becker führte am Montag aus, die Stadt habe gespart. Es gebe „keine Alternative“.", "keine Alternative=Tom Becker/partial@carry-reported"},
		{"a separable verb that does not say", "Tom Becker stellte am Montag die „neue Brücke“ vor.", "neue Brücke=/scare@"},
		{"a preposition and an adjective open the sentence", "Zur neuen Lage der Stadt wird Tom Becker im Blatt so zitiert: „Wir bauen weiter.“", "Wir bauen weiter.=Tom Becker/direct@colon-intro"},
		{"a label with a German trade that is no office", "Eine Ermittlerin nach dem Einsatz: „Wir haben alle gefunden.“", "Wir haben alle gefunden.=/direct@label"},
		{"verb and subject after the quotation, the sentence goes on", "Die Lage sei „sehr ernst und bedrohlich“ für alle, sagte Tom Becker, seine Stadt werde „sofort und ohne Auflagen“ helfen.", "sehr ernst und bedrohlich=Tom Becker/partial@sentence-end | sofort und ohne Auflagen=Tom Becker/partial@before-verb-name"},
		{"perfect after the quotation", "Die Brücke sei „viel zu teuer geworden“, hatte Tom Becker damals gesagt.", "viel zu teuer geworden=Tom Becker/partial@sentence-end"},
		{"so and a speech verb close the sentence", "Ein „großer Tag für die ganze Stadt“, so urteilte Tom Becker über die Wahl.", "großer Tag für die ganze Stadt=Tom Becker/partial@sentence-end"},
		{"so, a verb, the subject, selbst and two place phrases close the sentence", "Ein „großer Tag für die ganze Stadt“, so urteilte Becker selbst über seinen Erfolg in dem Bundesland im Westen.", "großer Tag für die ganze Stadt=Tom Becker/partial@sentence-end"},
		{"a fronted accusative, the subject with die and an office after the verb", "Den Unmut der Stadt brachte die Sprecherin Anna Schmidt zum Ausdruck: „Das geht nicht.“", "Das geht nicht.=Anna Schmidt/direct@colon-intro"},
		{"a fronted die phrase may be the subject, not the die phrase after the verb", "Die Senatorin Anna Schmidt brachte die Sprecherin Eva Roth zum Schweigen: „Das geht nicht.“", "Das geht nicht.=Anna Schmidt/direct@colon-intro"},
		{"sowie after a quotation joins subjects, no verb", "Die Helfer kamen. „Ärzte für alle“ sowie das Rote Kreuz kündigten Hilfe an.", "Ärzte für alle=/scare@"},
		{"a number after a quotation opens a sentence, no verb", "Die Helfer kamen. „Wir gewinnen heute hier alle zusammen!“ 1300 Polizisten waren vor Ort.", "Wir gewinnen heute hier alle zusammen!=/direct@"},
		{"so and a demonstrative after the quotation", "„Wir schaffen das nicht mehr“, so letztere.", "Wir schaffen das nicht mehr=Tom Becker/direct@after-verb-name"},
		{"a demonstrative after the verb before a reported clause names the person mentioned before it", "Im Gespräch mit dem Anwalt der Familie – Lena Weber – sagte dieser, dass Roth „in seiner eigenen Welt“ lebe.", "in seiner eigenen Welt=Lena Weber/partial@before-verb-name"},
		{"a speech verb inside parentheses before the quotation says nothing of it", "Im März sorgte ein Entwurf für Aufsehen (Becker berichtete): Der Entwurf mit dem Ziel, jede Art „unnötiger Werbung“ zu verbieten, sah Strafen vor.", "unnötiger Werbung=/scare@"},
		{"a title that opens with a digit after its work noun is said by nobody", "Der Senator schrieb die Musik zu dem Film „2001: Odyssee im Weltraum“.", "2001: Odyssee im Weltraum=/scare@"},
		{"a quantity pronoun that opens the sentence is its subject, not the phrase after the verb", "Einige vertreten die Auffassung, die Welt befinde sich im Kampf zwischen „dem Guten“ und dem Bösen.", "dem Guten=/scare@"},
		{"a span of time that opens the sentence is no subject: the phrase after the verb is", "Zwei Tage später sagte Becker, die Lage sei „sehr ernst“.", "sehr ernst=Tom Becker/partial@before-verb-name"},
		{"letztere names the person mentioned last, not the subject", "Eva Roth stand im Käfig, während die Moderatorin Lena Weber vor dem Käfig stand. „Das Leid geht weiter“, so letztere.", "Das Leid geht weiter=Lena Weber/direct@after-verb-name"},
		{"a speech verb and a demonstrative after the quotation", "„Wir schaffen das nicht mehr“, sagte dieser.", "Wir schaffen das nicht mehr=Tom Becker/direct@after-verb-name"},
		{"name particles open the sentence", "Von der Heide erklärte, der Hafen sei „zu klein für die Schiffe“.", "zu klein für die Schiffe=Von der Heide/partial@before-verb"},
		{"so and a verb after the quotation", "„Er ist ein harter Verhandler“, so beschrieb ihn der Senator Tom Becker.", "Er ist ein harter Verhandler=Tom Becker/direct@after-verb-name"},
		{"mit diesen Worten after the quotation", "„Ich bin wieder da“, mit diesen Worten begrüßte Tom Becker die Gäste.", "Ich bin wieder da=Tom Becker/direct@after-verb-name"},
		{"so lautet gives a title", "„Mehr Grün für alle“, so lautet der Name des Plans.", "Mehr Grün für alle=/scare@"},
		{"a hope before the clause it introduces", "Tom Becker hofft aber, dass die Stadt „bald wieder sicher“ sei.", "bald wieder sicher=Tom Becker/partial@subject"},
		{"geht davon aus", "Tom Becker geht davon aus, dass der Plan „in zwei Jahren“ fertig sei.", "in zwei Jahren=Tom Becker/partial@subject"},
		{"so between the subject after the verb and the colon", "Warum die Stadt den Fehler lange nicht bemerkt hatte, obwohl er in jedem Bericht stand, erklärte der Senator so: „Niemand hat nachgesehen.“", "Niemand hat nachgesehen.=/direct@before-verb-name"},
		{"an adverb and a preposition open the sentence", "Passend zum Wetter warnte der Sprecher der Stadt: „Die Wege sind glatt.“", "Die Wege sind glatt.=/direct@before-verb-name"},
		{"perfect, an object with a genitive before the participle", "Tom Becker hatte die Rolle der Fraktions- und Parteivorsitzenden betont: „Sie entscheiden.“", "Sie entscheiden.=Tom Becker/direct@before-verb"},
		{"a fronted dative with der and an -en adjective", "Der örtlichen Zeitung sagte Tom Becker: „Wir bleiben hier.“", "Wir bleiben hier.=Tom Becker/direct@before-verb-name"},
		{"a nominative der and an -e adjective", "Der neue Senator sagte am Montag: „Wir bleiben hier.“", "Wir bleiben hier.=/direct@before-verb"},
		{"a capitalised term after a speech verb in its sentence", "Tom Becker warf der Stadt erneut „Wortbruch“ vor.", "Wortbruch=Tom Becker/partial@before-verb"},
		{"a name after so genannten stays without a speaker", "Tom Becker sagte, der so genannte „Hafenplan“ komme spät.", "Hafenplan=/scare@"},
		{"a fronted object with a possessive, the pronoun after the verb", "Deren Haltung zum Hafen bezeichnete er als „kurzsichtig und teuer“.", "kurzsichtig und teuer=Tom Becker/partial@before-verb-name"},
		{"a fronted object, the subject with an office after the verb", "Die Pläne kritisierte der Senator Tom Becker als „viel zu teuer“.", "viel zu teuer=Tom Becker/partial@before-verb-name"},
		{"charakterisierte names a term", "Tom Becker charakterisierte den Plan als ein „teures Abenteuer ohne Ende“.", "teures Abenteuer ohne Ende=Tom Becker/partial@before-verb"},
		{"a short term after a verb that neither says nor names", "Die Kanadier hingegen trafen die „volle Verantwortung“ am Montag.", "volle Verantwortung=/scare@"},
		{"als after a verb that neither says nor names", "Auch der Senator Tom Becker attackierte den Plan als den „teuersten Fehler der Stadt“.", "teuersten Fehler der Stadt=Tom Becker/partial@named-as"},
		{"als in the perfect, the subject opens the sentence", "Die Stadt hatte den Bericht umgehend als „falsch und gefährlich“ zurückgewiesen.", "falsch und gefährlich=/partial@named-as"},
		{"als in a relative clause names its phrase, after a genitive", "Die Beraterin des Senators Tom Becker, die den Bau als „großen Erfolg für alle“ feierte, trat ab.", "großen Erfolg für alle=/partial@named-as"},
		{"als in a relative clause names its phrase", "Am Hafen stand Tom Becker, der den Bau als „großen Erfolg für alle“ feierte.", "großen Erfolg für alle=Tom Becker/partial@named-as"},
		{"als after a linking verb names nobody", "Der neue Hafen gilt seither als „teuerster Bau der Stadt“.", "teuerster Bau der Stadt=/scare@"},
		{"als after a reflexive in a relative clause names nobody", "Eine Schule, die sich als „Schule für alle Kinder“ präsentiert, schließt.", "Schule für alle Kinder=/scare@"},
		{"als in a passive relative clause names nobody", "Es ist ein Wind, der als „Sonnenwind aus dem Osten“ bezeichnet wird.", "Sonnenwind aus dem Osten=/scare@"},
		{"a sentence that opens with a linking verb", "Galt Tom Becker früher als „Mann der Mitte“, so ist er heute allein.", "Mann der Mitte=/scare@"},
		{"a speech verb after und shares the subject of the verb before", "Am Montag lobte Tom Becker erneut den Plan und nannte ihn „schnell und entschieden“.", "schnell und entschieden=Tom Becker/partial@coordinated"},
		{"a speech verb after a comma and aber shares the subject", "Tom Becker wollte sich nicht festlegen, sagte aber, die Stadt müsse „alle Pläne prüfen“.", "alle Pläne prüfen=Tom Becker/partial@coordinated"},
		{"a coordinated verb whose subject only links names nobody", "Der Plan war teuer und galt bald als „Fehler der Stadt“.", "Fehler der Stadt=/scare@"},
		{"a coordinated verb that does not say names nobody", "Tom Becker kaufte das Land und baute den „neuen Hafen“.", "neuen Hafen=/scare@"},
		{"a pronoun refers to the name in apposition to a subject after its verb", "Unterdessen verteidigte der Vorsitzende des Ausschusses, Eva Roth (SPD), den Entwurf. Sie sagte: „Das ist maßvoll.“", "Das ist maßvoll.=Eva Roth/direct@before-verb"},
		{"a term after a speech verb's preposition", "Tom Becker warnte damals vor den „Lohnverzichtstheorien“.", "Lohnverzichtstheorien=Tom Becker/partial@before-verb"},
		{"a term after sprach von", "Tom Becker sprach von einem „Skandal“.", "Skandal=Tom Becker/partial@before-verb"},
		{"a term in single marks after sprach von is the writer's distance", "Tom Becker sprach von einem ‚Skandal‘.", "Skandal=/scare@"},
		{"a name after an addressee's zum stays without a speaker", "Tom Becker sagte zum „Morgenblatt“, er komme.", "Morgenblatt=/scare@"},
		{"a name after a preposition with no speech verb stays without a speaker", "Tom Becker wohnt seit Jahren in der „Altstadt“.", "Altstadt=/scare@"},
		{"a pronoun refers to the name after the verb", "Am Montag verteidigte Eva Roth erneut den Entwurf. Sie sagte: „Das ist maßvoll.“", "Das ist maßvoll.=Eva Roth/direct@before-verb"},
		{"a subordinate clause opens the sentence, the verb and its subject follow it", "Als der Zug hielt, begrüßte Tom Becker die Gäste und rief: „Willkommen in der Stadt!“", "Willkommen in der Stadt!=Tom Becker/partial@coordinated"},
		{"a relative clause between the subject and its verb", "Tom Becker, der als erfahren gilt, will den Plan prüfen lassen: „Wir sehen uns alles an.“", "Wir sehen uns alles an.=Tom Becker/direct@colon-intro"},
		{"an appositive between the subject and its verb, a coordinated speech verb", "Tom Becker, ein erfahrener, in der Stadt geachteter Senator aus Berlin, wollte sich nicht festlegen, sagte aber, die Stadt müsse „alle Pläne prüfen“.", "alle Pläne prüfen=Tom Becker/partial@coordinated"},
		{"a relative clause inside the phrase that opens the sentence, then the verb and its subject", "In einem Brief, der am Montag erschien, verteidigte Tom Becker erneut die Pläne der Stadt als „einzig vernünftigen Weg“.", "einzig vernünftigen Weg=Tom Becker/partial@before-verb-name"},
		{"a term after the preposition of an inverted speech verb and its subject", "Bereits während seiner Amtszeit warnte Tom Becker vor den „Lohnverzichtstheorien“.", "Lohnverzichtstheorien=Tom Becker/partial@before-verb-name"},
		{"a name after a preposition of no speech object, after an inverted verb and its subject", "Am Montag schrieb Tom Becker in der „Morgenpost“ über den Plan.", "Morgenpost=/scare@"},
		{"a name after sich, after an inverted verb and its subject", "Im Jahr 2007 nennt sie sich „Hafen 12“ und öffnet im Juni.", "Hafen 12=/scare@"},
		{"a term after a coordinated speech verb is no inverted subject's but the first verb's subject's", "Die Helfer zogen zum Rathaus und skandierten Sprüche wie „Gefälschte Demokratie“.", "Gefälschte Demokratie=/partial@coordinated"},
		{"a term after a coordinated speech verb, the subject after the first verb", "Am Sonntag zog Tom Becker zum Rathaus und skandierte Sprüche wie „Gefälschte Demokratie“.", "Gefälschte Demokratie=Tom Becker/partial@coordinated"},
		{"words that read as no name right after a source phrase are what the source said", "Das Buch ist laut Tom Becker eine „kluge und komische Geschichte über die Stadt“.", "kluge und komische Geschichte über die Stadt=Tom Becker/partial@according-to"},
		{"a quotation right after seiner Ansicht nach", "Becker schwieg. Seiner Ansicht nach „sind wir wohl Zeugen eines schwarzen Tages“.", "sind wir wohl Zeugen eines schwarzen Tages=/partial@according-to"},
		{"an organisation after von inside the source phrase stays a name", "Die Hilfe dauert nach Angaben des Leiters von „Ärzte ohne Grenzen“ noch an.", "Ärzte ohne Grenzen=/scare@"},
		{"a term after an indefinite article after a verb, a speech verb before it", "Tom Becker sagte, die neue Brücke sei eine „Lebensader der Stadt“.", "Lebensader der Stadt=Tom Becker/partial@before-verb"},
		{"a name after an indefinite article after a noun stays without a speaker", "Tom Becker sagte, die Stadt habe den Status eines „Welterbes“ verloren.", "Welterbes=/scare@"},
		{"a name after a definite article after a speech verb stays without a speaker", "Tom Becker sagte, er habe der „Morgenpost“ alles erzählt.", "Morgenpost=/scare@"},
		{"an opinion held as a verb's object, the pronoun subject after the verb, a number opens the sentence", "Seit 2013 vertritt er die These, dass die Stadt „viel zu spät“ handle.", "viel zu spät=Tom Becker/partial@subject"},
		{"a number and a noun open the sentence as its subject, an opinion shared", "22 Senatoren teilen die Meinung, die Stadt sei „nicht mehr zu retten“.", "nicht mehr zu retten=22 Senatoren/partial@subject"},
		{"German an is a preposition, not the article of a subject; the text is the note the relative clause hangs on", "Ab 1939 musste an jedem Radio ein Zettel kleben, auf dem stand: „Feind hört mit.“", "Feind hört mit.=/direct@it-says"},
		{"nach Bewertung names a source", "Der Plan gibt nach Bewertung von Polizei und Staatsanwaltschaft „keinen Anlass für Maßnahmen“.", "keinen Anlass für Maßnahmen=/partial@according-to"},
		{"als in a passive names its agent after vom", "In der Stadt wird der Plan vom Senator Tom Becker als „viel zu teuer“ eingestuft.", "viel zu teuer=Tom Becker/partial@named-as"},
		{"als in a passive with no agent names nobody", "In der Stadt wird der Plan von Anfang an als „viel zu teuer“ eingestuft.", "viel zu teuer=/scare@"},
		{"heißt es, an adverb, then the text it is in", "„Die Lage ist ernst und wird noch ernster“ heißt es dazu in einer Erklärung der Stadt.", "Die Lage ist ernst und wird noch ernster=/direct@it-says"},
		{"a speech verb and its subject before a source phrase: the subject speaks", "In der Fraktion sagte Tom Becker einigen Teilnehmern zufolge: „Die Lage ist ernst.“", "Die Lage ist ernst.=Tom Becker/direct@before-verb-name"},
		{"a source phrase with no speech verb before it", "In der Fraktion herrschte einigen Teilnehmern zufolge „große Sorge um die Stadt“.", "große Sorge um die Stadt=Teilnehmern/partial@according-to"},
		{"a focus particle before the subject, the noun after the verb is its object", "Auch die Senatorin Anna Schmidt äußerte Vorbehalte und wagte die Prognose, die Stadt werde sparen: „Ich gehe davon aus.“", "Ich gehe davon aus.=Anna Schmidt/partial@before-verb"},
		{"er or sie and a subjunctive after a colon: the pronoun is the speaker, named by the description that opened the sentence before", "Die frühere Senatorin Eva Roth bezweifelte die Pläne der Stadt: Sie habe „nicht den Eindruck, dass das klappt“.", "nicht den Eindruck, dass das klappt=Eva Roth/partial@carry-reported"},
		{"a quotation listed after an attributed one takes its speaker", "Am Montag zog Tom Becker zum Rathaus und skandierte dabei Parolen wie „Nie wieder Krieg“ oder „Frieden für alle Menschen in der Stadt“.", "Nie wieder Krieg=Tom Becker/partial@coordinated | Frieden für alle Menschen in der Stadt=Tom Becker/partial@carry-paragraph"},
		{"a verb that sees something as the quotation, its subject after it", "In dem Verfahren sieht Tom Becker einen „Angriff auf die ganze Stadt“, es gehe um alles.", "Angriff auf die ganze Stadt=Tom Becker/partial@subject"},
		{"sah sich gezwungen sees nothing", "Die Stadt sah sich nach dem Sturm gezwungen, die „neue Brücke zu sperren“.", "neue Brücke zu sperren=/scare@"},
		{"sieht vor plans, it sees nothing", "Der Plan der Stadt sieht einen „Neubau für alle Schulen“ vor.", "Neubau für alle Schulen=/scare@"},
		{"a Roman numeral's period before a quotation makes an ordinal, no sentence end", "Später sagte Tom Becker vor der Presse, Benedikt XVI. „ist und bleibt ein großer Denker“.", "ist und bleibt ein großer Denker=Tom Becker/partial@before-verb-name"},
		{"an adverb before a participle inside the phrase after heißt es", "Tom Becker bat um Ruhe: „Wir brauchen jetzt Zeit“, heißt es in einer gestern verbreiteten Erklärung.", "Wir brauchen jetzt Zeit=/direct@it-says"},
		{"a modal verb of intention and a quotation that ends in its infinitive", "Ursprünglich wollte Tom Becker „ein Konzept mit acht Stadien vorlegen“, am Ende waren es zwölf.", "ein Konzept mit acht Stadien vorlegen=Tom Becker/partial@subject"},
		{"a modal verb of intention and a quotation that is a noun", "Ursprünglich wollte Tom Becker ein „Konzept mit acht Stadien“, am Ende waren es zwölf.", "Konzept mit acht Stadien=/scare@"},
		{"a quotation that is a sentence of its own takes the subject of the sentence before", "Um Geld zu sparen, will Tom Becker die Schulen zusammenlegen. „Nicht jede Schule ist noch nötig.“ Die Eltern protestieren.", "Nicht jede Schule ist noch nötig.=Tom Becker/direct@carry-subject"},
		{"the subject before may be a description with an office", "Der Senator der Stadt verteidigte den Plan. „Wir haben keine andere Wahl.“", "Wir haben keine andere Wahl.=/direct@carry-subject"},
		{"a subject before that holds no office names nobody", "Der Plan der Stadt sieht neue Schulen vor. „Nicht jede Schule ist noch nötig.“", "Nicht jede Schule ist noch nötig.=/direct@"},
		{"a subject before that only links names nobody", "Tom Becker ist seit Jahren Senator. „Nicht jede Schule ist noch nötig.“", "Nicht jede Schule ist noch nötig.=/direct@"},
		{"a new subject before the quotation takes it from the speaker of the quotation before", "„Wir sparen“, sagte Tom Becker. Anna Schmidt fügte hinzu. „Wir bauen neu.“", "Wir sparen=Tom Becker/direct@after-verb-name | Wir bauen neu.=Anna Schmidt/direct@carry-subject"},
		{"war and a participle that closes the sentence say what the subject did", "„Wir sparen“, sagte Tom Becker. Anna Schmidt war seit langem in die Pläne eingeweiht. „Wir bauen neu.“", "Wir sparen=Tom Becker/direct@after-verb-name | Wir bauen neu.=Anna Schmidt/direct@carry-subject"},
		{"a period with no space after it ends the sentence before a capitalised word", "Das stand im Anzeiger.Tom Becker schreibt dazu in seinem Blog: „Das ist falsch.“", "Das ist falsch.=Tom Becker/direct@before-verb"},
		{"a glued period ends the sentence: the next one's subject takes the quotation", "„Wir sparen“, sagte Tom Becker.Anna Schmidt fügte hinzu. „Wir bauen neu.“", "Wir sparen=Tom Becker/direct@after-verb-name | Wir bauen neu.=Anna Schmidt/direct@carry-subject"},
		{"a sentence before with a quotation of its own leaves the quotation its speaker", "Tom Becker traf am Montag die Senatorin: „Wir sparen“, sagte Schmidt. „Wir bauen neu.“", "Wir sparen=Anna Schmidt/partial@after-verb-name | Wir bauen neu.=Anna Schmidt/direct@carry-paragraph"},
		{"German an is a preposition before the verb and its subject, and vermelden a speech verb", "An die Adresse der Stadt hatte Tom Becker am Montag Gutes zu vermelden. Erstmals sei die Stadt in der Lage, die Schulden „aller Voraussicht nach“ zu senken.", "aller Voraussicht nach=Tom Becker/partial@carry-reported"},
		{"an adjective used as a noun after the subject's name is its object, not part of the name", "Am Montag hatte Müller Gutes zu vermelden. Erstmals sei die Stadt in der Lage, die Schulden „aller Voraussicht nach“ zu senken.", "aller Voraussicht nach=Müller/partial@carry-reported"},
		{"an adjective used as a noun ends the surname of a known name", "An die Adresse der Stadt hatte Becker Positives zu vermelden. Erstmals sei die Stadt in der Lage, die Schulden „aller Voraussicht nach“ zu senken.", "aller Voraussicht nach=Tom Becker/partial@carry-reported"},
		{"reported speech over more sentences, each in the subjunctive", "Becker sagte am Montag, die Stadt müsse sparen. Die Schulen seien zu teuer. Die Straßen seien marode. Die Bäder seien leer. Dafür gebe es „keine andere Lösung“.", "keine andere Lösung=Tom Becker/partial@carry-reported"},
		{"the agent of a passive speech verb that introduces reported speech is its speaker", "Becker sprach. Es wurde von Anna Schmidt die Vermutung geäußert, die Stadt brauche einen Plan, mit dem man „alle Schulden tilgen könne“.", "alle Schulden tilgen könne=Anna Schmidt/partial@carry-reported"},
		{"a passive speech verb with no agent leaves the reported speech without a speaker", "Becker sprach. Es wurde die Vermutung geäußert, die Stadt brauche einen Plan, mit dem man „alle Schulden tilgen könne“.", "alle Schulden tilgen könne=/scare@"},
		{"nahm … Stellung is a speech cue for the reported speech after it", "Am Rande der Sitzung nahm auch der Senator der Stadt, Tom Becker, zu der Frage Stellung. Jede Schule könne „das Geld jetzt oder später abrufen“.", "das Geld jetzt oder später abrufen=Tom Becker/partial@carry-reported"},
		{"a name in apposition keeps the party in parentheses after it", "Am Rande der Sitzung nahm auch der Senator der Stadt, Tom Becker (SPD), zu der Frage Stellung. Jede Schule könne „das Geld jetzt oder später abrufen“.", "das Geld jetzt oder später abrufen=Tom Becker/partial@carry-reported"},
		{"reported speech with no speech verb of its own takes the speaker of the sentence before", "Becker sagte am Montag, die Stadt müsse sparen. Die Lage sei „ernst“.", "ernst=Tom Becker/partial@carry-reported"},
		{"reported speech with a speech verb of its own whose subject is not read takes no speaker from before", "Becker sagte am Montag, die Stadt müsse sparen. Dabei sei im Rat gefragt worden, ob die Stadt „noch zahlen“ könne.", "noch zahlen=/scare@"},
		{"reported speech introduced by a passive of its own takes no speaker from before", "Becker sagte am Montag, die Stadt müsse sparen. In einem Bericht wird die Lage durch den Satz gekennzeichnet, die Stadt sei „am Ende ihrer Kräfte“.", "am Ende ihrer Kräfte=/scare@"},
		{"a demonstrative object before the verb, the subject after it", "„Wir müssen sparen.“ Das musste Senator Tom Becker am Montag einräumen. Obwohl die Stadt mehr einnimmt, sei sie von einer „Entschuldung weit entfernt“.", "Wir müssen sparen.=Tom Becker/direct@after-verb-name | Entschuldung weit entfernt=Tom Becker/partial@carry-reported"},
		{"heißt es after a quotation that ends its own sentence belongs to the next", "Der Bericht des Senats lautete: „Die Lage ist ernst.“ Nun heißt es im Abschlussbericht, die Lage sei gut.", "Die Lage ist ernst.=/direct@colon-intro"},
		{"hatte es geheißen, and a time attribute after the source phrase", "In einer Erklärung der Stadt vom Dienstag hatte es geheißen: „Die Lage ist ernst.“", "Die Lage ist ernst.=/direct@it-says"},
		{"a subordinating conjunction opens the clause of the subject before the verb", "Zwar würde die Stadt zahlen, zumal Senator Tom Becker betont hatte, die Schule sei „dringend nötig“, doch der Rat lehnte ab.", "dringend nötig=Tom Becker/partial@before-verb"},
		{"German adverbs of frequency between the subject and the verb", "Zwar würde die Stadt zahlen, zumal Senator Tom Becker immer wieder betont hatte, die Schule sei „dringend nötig“, doch der Rat lehnte ab.", "dringend nötig=Tom Becker/partial@before-verb"},
		{"a colon after a thing that was read names no speaker but the text it was read on", "Auf dem Plakat waren die Worte zu lesen: „Die Stadt unterstützt die Menschenrechte auf der ganzen Welt.“", "Die Stadt unterstützt die Menschenrechte auf der ganzen Welt.=/direct@it-says"},
		{"a colon after a thing that was found names no speaker", "Auch das Motiv fand sich dort: „Wir wollen die Stadt retten.“", "Wir wollen die Stadt retten.=/direct@"},
		{"a colon after a reflexive verb whose subject holds an office", "Der Sprecher der Stadt zeigte sich zuversichtlich: „Wir wollen die Stadt retten.“", "Wir wollen die Stadt retten.=/direct@colon-intro"},
		{"a capitalised term after als in a passive names its agent", "Seine Bauten werden von Senator Tom Becker als „Meilensteine der Stadt“ bezeichnet.", "Meilensteine der Stadt=Tom Becker/partial@named-as"},
		{"a capitalised term after als in a relative clause names its phrase", "Kritik kam von Tom Becker, der den Plan als „Kapitulation“ vor den Randalierern sieht.", "Kapitulation=Tom Becker/partial@named-as"},
		{"a capitalised term after als with a linking verb names nobody", "Die Anwendung körperlicher Gewalt dient als „Erziehungsmaßnahme“ in der Schule.", "Erziehungsmaßnahme=/scare@"},
		{"a capitalised term after als before a passive names nobody", "Becker zog sich zurück, was in einigen Medien als „Flucht“ interpretiert wurde.", "Flucht=/scare@"},
		{"a capitalised term after als before an attributive participle names nobody", "Am Montag räumte die Polizei das als „Dschungel der Stadt“ bekannte Lager.", "Dschungel der Stadt=/scare@"},
		{"a capitalised term after als gets no speaker from a source phrase of its sentence", "Laut Tom Becker wurde ein Mann verhaftet, der sich als „Bürgerjournalist“ engagierte.", "Bürgerjournalist=/scare@"},
		{"a term before the participle of a speech verb that closes the clause", "Die Zeitungen hatten am Montag von der Notwendigkeit eines „Neuanfangs“ in der Stadt gesprochen.", "Neuanfangs=/partial@verb-final"},
		{"words before the participle of a speech verb, the subject before the auxiliary", "Tom Becker hatte am Samstag die Zustimmung der Stadt „trotz einiger Vorbehalte“ bekanntgegeben.", "trotz einiger Vorbehalte=Tom Becker/partial@verb-final"},
		{"words before the speech verb that closes a subordinate clause", "Der Bericht ist brisant, weil Tom Becker die Stadt damals als „junge couragierte Demokratie“ bezeichnet hat.", "junge couragierte Demokratie=Tom Becker/partial@verb-final"},
		{"a name after a definite article before a speech verb stays without a speaker", "Darüber hat die neue Redaktion der „Morgenpost“ bislang nicht berichtet.", "Morgenpost=/scare@"},
		{"reported speech in a Konjunktiv I form of any common verb", "Becker sagte am Montag, die Stadt müsse sparen. Die Studie zeige, „dass die Schulen zu teuer sind“.", "dass die Schulen zu teuer sind=Tom Becker/partial@carry-reported"},
		{"a Konjunktiv II form that stands in for Konjunktiv I opens the sentence", "Becker forderte die Bürger zur Ruhe auf, die Lage sei ernst. Kämen sie dem nicht nach, so „schütze sie Gott“.", "schütze sie Gott=Tom Becker/partial@carry-reported"},
		{"a quotation fronted after Als, then any verb and its subject", "Als „verpasste Chance“ beurteilte Tom Becker die Pläne der Stadt.", "verpasste Chance=Tom Becker/partial@after-verb-name"},
		{"quotations joined by oder, fronted after Von, then a plural speech verb and its subject", "Von „absichtlicher“ oder „mutwilliger Täuschung“ sprechen Medienberichte heute im Zusammenhang mit der Arbeit.", "absichtlicher=Medienberichte/partial@after-verb-name | mutwilliger Täuschung=Medienberichte/partial@after-verb-name"},
		{"a quotation fronted after Mit den Worten and a colon, a comma, then the verb and its subject", "Tom Becker reagierte gelassen: Mit den Worten „Jetzt werden alle Fragen hier diskutiert“, richtete er den Blick auf die Stadt.", "Jetzt werden alle Fragen hier diskutiert=Tom Becker/partial@after-verb-name"},
		{"a quotation fronted after Als before a linking verb names nobody", "Als „Dschungel der Stadt“ gilt das Lager seit Jahren.", "Dschungel der Stadt=/scare@"},
		{"a quotation fronted after Von before a verb that does not speak names nobody", "Von „Dschungel der Stadt“ kommen die Leute her.", "Dschungel der Stadt=/scare@"},
		{"a name run ends before den or das, the article of the verb's object", "Als „unerwartetes Geschenk“ bezeichnet Senatorin Lena Roth den Fund.", "unerwartetes Geschenk=Senatorin Lena Roth/partial@after-verb-name"},
		{"after zitiert the object is the speaker, the subject the one who quotes", "„Wir schaffen das“, zitiert die Zeitung den Senator Tom Becker.", "Wir schaffen das=Tom Becker/direct@after-verb-name"},
		{"a participle that opens the sentence names nobody; the pronoun is the person in apposition after the verb", "Besorgt äußerte sich auch die Vorsitzende des Vereins, Lena Roth, zu den Vorgängen: „Wir fürchten das Schlimmste“, sagte sie.", "Wir fürchten das Schlimmste=Lena Roth/partial@after-verb-name"},
		{"an adjective and a plural noun that open the sentence name nobody; the pronoun is the name before the finite verb of a sentence that opens with an article", "Der auf der Konferenz anwesende Außenminister des Landes Lena Roth reagierte gelassen. Anerkannte Regelungen gibt es nicht. Mit den Worten „Jetzt wird alles hier diskutiert“, richtete sie den Blick auf die Stadt.", "Jetzt wird alles hier diskutiert=Lena Roth/partial@after-verb-name"},
		{"a full name registered in German is its last words that are no common nouns", "Die Kritik kam von der Fraktionskollegin Lena Kraus. „Wir bleiben dabei“, sagte Kraus.", "Wir bleiben dabei=Lena Kraus/direct@after-verb-name"},
		{"zu after a full name opens a phrase of its own, no surname", "„Wir schaffen das“, sagte Lena Roth zu Beginn der Sitzung.", "Wir schaffen das=Lena Roth/direct@after-verb-name"},
		{"vom is von dem, an article before a noun, no name particle", "„Wir schaffen das“, sagte Lena Roth vom Bankhaus Becker.", "Wir schaffen das=Lena Roth/direct@after-verb-name"},
		{"von after a full name before two capitalised words opens a phrase of its own", "„Wir schaffen das“, sagte Lena Roth von der Baader Bank.", "Wir schaffen das=Lena Roth/direct@after-verb-name"},
		{"zu after a first name is a name particle", "„Wir schaffen das“, sagte Karl-Theodor zu Guttenberg.", "Wir schaffen das=Karl-Theodor zu Guttenberg/direct@after-verb-name"},
		{"a subject before an attribute with vom is the name alone", "Lena Roth vom Bankhaus Becker sagte, das sei „ein guter Tag“.", "ein guter Tag=Lena Roth/partial@before-verb"},
		{"a subject before an attribute with von der is the name alone", "Der Analyst Tom Becker von der Baader Bank sagte, das sei „ein guter Tag“.", "ein guter Tag=Tom Becker/partial@before-verb"},
		{"von after a full name opens a phrase of its own, read backwards from the verb", "Lena Roth von HRW sagte, das sei „ein guter Tag“.", "ein guter Tag=Lena Roth/partial@before-verb"},
		{"von after a first name is a name particle, read backwards from the verb", "Richard von Weizsäcker sagte, das sei „ein guter Tag“.", "ein guter Tag=Richard von Weizsäcker/partial@before-verb"},
		{"the name after von before two capitalised words is the speaker, not the phrase with von", "Nach Angaben von Lena Roth, der Dekanin, war die Kirche voll. „Es ist erschütternd“, sagte Roth.", "Es ist erschütternd=Lena Roth/direct@after-verb-name"},
		{"an apposition with a determiner after the name that opens the sentence, the phrase after the verb its object", "Lena Roth, die Parteivorsitzende, begründete die Forderung damit, dass Becker „ohne Vernunft“ entschieden habe.", "ohne Vernunft=Lena Roth/partial@before-verb"},
		{"a fronted object before its relative clause, the subject after the verb", "Die Mönche, die sich beteiligt hatten, beschrieb der Sprecher der Regierung als „aggressiv“.", "aggressiv=/partial@before-verb-name"},
		{"a fronted object headed by an abstract noun, the name after the verb its subject", "Die Äußerungen der Richter bezeichnete Becker als „Knaller aus Karlsruhe“.", "Knaller aus Karlsruhe=Tom Becker/partial@before-verb-name"},
		{"a fronted person, the name after the verb its object", "Die Kanzlerin lobte Becker als „großen Europäer“.", "großen Europäer=/partial@before-verb"},
		{"selbst between the subject and its speech verb", "Becker selbst schrieb in einer Erklärung, er wolle „allen eine Abstimmung ersparen“.", "allen eine Abstimmung ersparen=Tom Becker/partial@before-verb"},
		{"zitieren quotes its object, a name, not its subject", "Ein Fernsehsender zitierte Becker mit den Worten: „Ich klebe nicht an meinem Stuhl.“", "Ich klebe nicht an meinem Stuhl.=Tom Becker/direct@before-verb-name"},
		{"zitieren after the quotation: a paper in marks quotes the name after it", "„Das wird ein großes Update“, zitiert die „Computerwoche“ Becker in einem Bericht.", "Das wird ein großes Update=Tom Becker/direct@after-verb-name | Computerwoche=/scare@"},
		{"zitieren aus: the subject quotes a text", "Die Zeitung zitiert aus dem Bericht: „Die Lage ist ernst.“", "Die Lage ist ernst.=Zeitung/direct@before-verb"},
		{"a day's number before a German month is an ordinal, no sentence end", "Tom Becker war am 20. August 2007 in Atlanta und sagte dort: „Wir schaffen das.“", "Wir schaffen das.=Tom Becker/direct@colon-intro"},
		{"a relative clause between the subject and the verb of a wie clause", "Wie Tom Becker, der anonym bleiben wollte, heute mitteilte, ist der Plan „als bester Vorschlag“ gewählt.", "als bester Vorschlag=Tom Becker/partial@as-said"},
		{"a name in apposition with no closing comma between the subject and the verb of a wie clause", "Wie ein Vertreter des Konzerns, Tom Becker heute mitteilte, ist der Plan „als bester Vorschlag“ gewählt.", "als bester Vorschlag=/partial@as-said"},
		{"a relative clause between the source phrase that opens the sentence and heißt es", "Im letzten Satz der Anordnung, die der Stadt am Montag zugestellt wurde, heißt es: „Die Lage ist ernst.“", "Die Lage ist ernst.=/direct@it-says"},
		{"a quotation right after a noun in the clause after heißt es is its name", "In dem Bericht, der am Montag erschien, heißt es, im Bereich „Politisch motivierte Kriminalität“ seien die Zahlen gestiegen.", "Politisch motivierte Kriminalität=/scare@"},
		{"laut before a name in marks", "Laut „Reuters“ zeichnet die Stadt das Bild eines „kriegslüsternen Tyrannen“.", "Reuters=/scare@ | kriegslüsternen Tyrannen=/partial@according-to"},
		{"laut reads a German noun phrase, which ends before the words after it", "Dabei soll sich laut der Studie nur jeder zweite Gebührenzahler von seinem Beitrag „bessere Bedingungen“ erhoffen.", "bessere Bedingungen=/partial@according-to"},
		{"a colon after the speech verb that closes a relative clause introduces the words of its subject", "Damit wird die Marke unterschritten, die Tom Becker im Jahr 2002 zum eigenen Ziel erklärt hatte: „Wir schaffen das.“", "Wir schaffen das.=Tom Becker/direct@verb-final"},
		{"a colon after the speech verb that closes a subordinate clause introduces the words of its subject", "Der Verein schloss sich an, indem er die Stadt zum Handeln aufforderte: „Jetzt ist der Rat gefordert.“", "Jetzt ist der Rat gefordert.=Tom Becker/direct@verb-final"},
		{"a colon after the speech verb of a passive that closes a relative clause is left to the main clause's subject", "Damit wird die Marke unterschritten, die von der Stadt zum eigenen Ziel erklärt wurde: „Wir schaffen das.“", "Wir schaffen das.=/direct@colon-intro"},
		{"steht before a source phrase and a colon names the text that holds the quotation", "Derzeit steht deshalb in dem Gesetzentwurf der Stadt noch der Passus: „Die Daten sind zu löschen.“", "Die Daten sind zu löschen.=/direct@it-says"},
		{"a phrase before steht names a place, no text", "Im Mittelpunkt steht die Frage der Stadt: „Wer soll das bezahlen?“", "Wer soll das bezahlen?=/direct@colon-intro"},
		{"nach, a genitive name and a source noun", "Nach Beckers Idee soll künftig „im Zweifel die Mehrheit der Stimmen entscheidend“ sein.", "im Zweifel die Mehrheit der Stimmen entscheidend=/partial@according-to"},
		{"a reported clause after a speech noun and its source in the genitive", "Auf den Vorwurf der Opposition, es handele sich um einen „sozialistischen Antrag“, mit dem man die Bauherren zwingen wolle, entgegnete Tom Becker, der Plan sei gut.", "sozialistischen Antrag=/partial@according-to"},
		{"a clause with wonach after a speech noun and its source after von", "Die Sichtweise von Senator Tom Becker, wonach es bald „ein moderates Gesetz“ geben werde, teilt die Stadt nicht.", "ein moderates Gesetz=Tom Becker/partial@according-to"},
		{"a term in a sentence that a speech verb after a comma closes", "Der Stern habe ihr einen „Ruck“ verpasst und so das Entstehen des Planeten bewirkt, sagte Tom Becker.", "Ruck=Tom Becker/partial@sentence-end"},
		{"a term after a naming word in a sentence that a speech verb closes is a name", "Die so genannte „Reichensteuer“ sei gerecht, sagte Tom Becker.", "Reichensteuer=/scare@"},
		{"a main clause after a comma whose verb holds a view", "Zwar sind 62 Prozent der Bürger zufrieden, 37 Prozent sind jedoch der gegenteiligen Auffassung, dass die Stadt „weniger gut“ arbeitet.", "weniger gut=37 Prozent/partial@subject"},
		{"a passive naming with als in a medium after in names the medium", "In den Medien war der Plan der Stadt schon als „Geschäft des Jahrhunderts“ bezeichnet worden.", "Geschäft des Jahrhunderts=/partial@named-as"},
		{"a passive naming with als in a paper's name in marks after im names the paper", "Die Stadtwerke wurden gestern im „Morgenblatt“ als „eine bedeutende Organisation der Stadt“ bezeichnet.", "Morgenblatt=/scare@ | eine bedeutende Organisation der Stadt=/partial@named-as"},
		{"a passive naming with als in a place after in names nobody", "Der Plan wurde in Berlin als „Geschäft des Jahrhunderts“ bezeichnet.", "Geschäft des Jahrhunderts=/scare@"},
		{"a demonstrative that opens the sentence after a quotation stands for it before a closing speech verb", "„Ja, es gibt Zumutungen“. Das musste Senator Tom Becker zu Beginn der Debatte einräumen.", "Ja, es gibt Zumutungen=Tom Becker/direct@after-verb-name"},
		{"a demonstrative and ist before a speech noun after a quotation", "„Jeder Dritte glaubt nicht mehr an die Stadt.“ Das ist die zentrale Aussage einer Studie der Universität.", "Jeder Dritte glaubt nicht mehr an die Stadt.=/direct@after-verb-name"},
		{"a demonstrative after a quotation before a verb that does not speak names nobody", "„Ja, es gibt Zumutungen“. Das musste Senator Tom Becker zu Beginn der Debatte erleben.", "Ja, es gibt Zumutungen=/scare@"},
		{"a name in marks after von inside the source phrase of heißt es is no quotation of the source", "So heißt es in der Meldung auf der Homepage von „energie plus“ wörtlich: „Wir bauen aus.“", "energie plus=/scare@ | Wir bauen aus.=/direct@it-says"},
		{"heißt es in a relative clause after a separable verb's particle: the text is the antecedent", "Becker griff den Tenor der Medien auf, in denen es zum Streik auch heißt, dass die Stadt nur ein „zahnloser Tiger“ sei.", "zahnloser Tiger=/partial@it-says"},
		{"a subject whose noun is followed by its name in marks, then the auxiliary", "Die linke Wochenzeitung „Neue Welt“ hatte im September kritisiert, dass die Stadt „für ihre Einstellung“ bekannt sei.", "Neue Welt=/scare@ | für ihre Einstellung=/partial@before-verb"},
		{"als after a second verb with no subject of its own: the first verb's subject names", "Am Montag zeigte sich Tom Becker bestürzt über den Vorfall und verurteilte ihn als „hinterhältigen Anschlag“.", "hinterhältigen Anschlag=Tom Becker/partial@named-as"},
		{"als after a second verb that only links names nobody", "Tom Becker kam zur Sitzung und galt als „hinterhältig“.", "hinterhältig=/scare@"},
		{"zu lesen after a source phrase that opens the sentence: the text shows the quotation", "Auf dem Transparent war die Parole „Wir bleiben alle hier“ zu lesen.", "Wir bleiben alle hier=/partial@it-says"},
		{"fand sich after a source phrase that opens the sentence", "In der Zeitung fand sich dazu die Feststellung „Mit diesem Ziel stellt die Zeitung ihre Arbeit um“.", "Mit diesem Ziel stellt die Zeitung ihre Arbeit um=/partial@it-says"},
		{"die Rede after the quotation, a source phrase with an attribute after an opens the sentence", "In einem Brief an die Senatoren war von einem „offenen und ehrlichen Dialog“ die Rede.", "offenen und ehrlichen Dialog=/partial@it-says"},
		{"die Rede after a place names no text", "In Berlin war von einem „offenen und ehrlichen Dialog“ die Rede.", "offenen und ehrlichen Dialog=/scare@"},
		{"zu lesen after a place names no text", "In Berlin war „Wir bleiben alle hier“ zu lesen.", "Wir bleiben alle hier=/scare@"},
		{"a sentence in marks that fills a parenthesis right after a name is that person's", "Viele gratulierten, darunter der Senator Tom Becker („Mir fällt niemand ein, der das mehr verdient hätte.“), und gingen.", "Mir fällt niemand ein, der das mehr verdient hätte.=Tom Becker/partial@label"},
		{"a gloss in marks in a parenthesis after a name is no one's words", "In der Partei Tom Becker Mozgalom („Bewegung für eine bessere Stadt“) sitzen die Rechten.", "Bewegung für eine bessere Stadt=/direct@"},
		{"an indirect question after a clause whose speech verb closes it is what its subject asked", "Der Sender will wissen, dass Tom Becker das Kind danach gefragt habe, was es „gerne isst“ und ob es „schon einmal im Zoo gewesen“ sei.", "gerne isst=Tom Becker/partial@verb-final | schon einmal im Zoo gewesen=Tom Becker/partial@verb-final"},
		{"a relative was after a clause whose verb says nothing names nobody", "Der Sender meldet, dass die Polizei das Haus durchsucht habe, was „sehr lange“ dauerte.", "sehr lange=/scare@"},
		{"a mental verb in the perfect, its participle closing the clause", "Tom Becker hatte sich erhofft, dass die Mittel „in den Haushalt fließen“ würden.", "in den Haushalt fließen=Tom Becker/partial@subject"},
		{"a participle in the perfect that holds no view", "Tom Becker hatte sich gesetzt, als die Mittel „in den Haushalt flossen“.", "in den Haushalt flossen=/scare@"},
		{"rechnen mit holds an expectation, its object in marks", "Meteorologen rechnen jedoch mit „sehr starken Niederschlägen“.", "sehr starken Niederschlägen=Meteorologen/partial@subject"},
		{"erwarten holds an expectation, the quotation in a reported relative clause", "Tom Becker erwartet durch den Beschluss Kosten, die durch einen „erheblichen Bedarf“ entstünden.", "erheblichen Bedarf=Tom Becker/partial@subject"},
		{"rechnen without mit is arithmetic, no expectation", "Die Kinder rechnen in der Schule „sehr schnell“.", "sehr schnell=/scare@"},
		{"a quoted term in the reported clause after heißt es is the text's", "In der Erklärung der Stadt heißt es, dass die Opposition nur ein „Papiertiger“ sei.", "Papiertiger=/partial@it-says"},
		{"heißt es in a relative clause: the text is the antecedent", "Becker las die Erklärung, in der es heißt, die Stadt sei nur ein „zahnloser Tiger“.", "zahnloser Tiger=/partial@it-says"},
		{"reported speech after a sentence that reads heißt es from a text is that text's", "In einem Bericht des Senats heißt es, die Prüfung habe ergeben, dass alles gut sei. Deshalb sei es „folgerichtig, die Regeln beizubehalten“.", "folgerichtig, die Regeln beizubehalten=/partial@carry-reported"},
		{"an infinitive clause after a fronted object", "Das Angebot, die Verletzten in Kliniken behandeln zu lassen, lehnt er jedoch ab: „Das geht so nicht.“", "Das geht so nicht.=Tom Becker/direct@colon-intro"},
	}
	checkSieve(t, deIntro, cases)
}
