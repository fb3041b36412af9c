/**
* First names by usual gender, across languages (English, German, Nordic, Dutch, French, Italian,
* Spanish, Portuguese, Slavic, Baltic, Greek, Turkish, Arabic, Persian, Indian, East Asian...).
* Used to recognise a person from a name's first word, and to let "she said" prefer a woman.
* Names that are also common English words ("May", "Will", "Grace", "Hope") and names used for
* both genders ("Alex", "Sam", "Andrea", "Jean", "Kim") are left out on purpose.
*/

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/))

/** First names usually given to women. */
export const FEMALE_FIRST_NAMES = words(`
Abigail Ada Adela Adele Adriana Agata Agatha Agnes Agnieszka Aida Aileen Aisha Alana Alba Alejandra Aleksandra Alessandra Alexandra Alexis
Alice Alicia Alina Alisha Alison Alla Allison Alma Alyssa Amal Amanda Amelia Amelie Amina Amira Amy Ana Anastasia Angela Angelika
Angelina Anika Anita Anja Anna Annalena Anne Annette Annika Antje Antonia Ariana Astrid Aurora Ayesha Barbara Beata Beatrice Beatriz Berit
Bettina Birgit Birgitta Bianca Brenda Bridget Brigitte Britta Camila Camille Carina Carla Carmen Carol Caroline Cassandra Catalina
Catherine Cecilia Celine Charlotte Chiara Chloe Christina Christine Cinzia Claire Clara Claudia Colette Cristina Dagmar Dana Daniela Danielle
Daria Daphne Debora Deborah Denise Diana Dina Dolores Dominika Donna Doris Dorota Dorothea Dorothy Edith Ekaterina Elaine Eleanor Elena Eleni
Elif Elin Elisa Elisabeth Elise Eliza Elizabeth Ella Ellen Elsa Elvira Emilia Emily Emine Emma Erika Erin Esther Eva Evelyn Ewa Fatima Fatma
Felicity Fernanda Fiona Francesca Frida Gabriela Gabriele Gabrielle Galina Gemma Georgina Gerda Gertrud Gianna Gina Giorgia Giulia Gloria
Greta Gudrun Gwen Hana Hanna Hannah Harriet Hayley Heather Hedda Heidi Helen Helena Helga Hilde Hilary Hillary Ida Ilona Ilse Ines Inga
Inge Ingrid Irene Irina Iryna Isabel Isabella Isabelle Ivana Jacqueline Jana Jane Janet Janina Jasmine Jelena Jennifer Jessica Joanna Johanna
Josefine Josephine Joyce Judith Julia Juliana Julie Juliette Justyna Kaja Karen Karin Karina Karolina Karoline Katarina Katarzyna Kate
Katharina Katherine Kathleen Kathryn Katja Katrin Katya Kerstin Kirsten Klara Kristen Kristi Kristin Kristina Kseniya Ksenia Laila Lara Larissa
Laura Lauren Layla Leah Leila Lena Leonie Leyla Lidia Liesel Lilia Liliana Lillian Lina Linda Lindsey Lisa Liv Liz Lorena Louisa
Louise Lucia Lucie Lucy Ludmila Luisa Lydia Lyudmila Madeleine Magda Magdalena Maja Malgorzata Manon Marcela Maren Margaret Margarita
Margit Margot Maria Mariam Marianne Marie Marina Marion Marisa Marta Martha Martina Mary Maryam Mathilde Maya Megan Melania Melanie Melissa
Mette Mia Michelle Mila Milena Miranda Miriam Monika Monica Nadia Nadezhda Nadine Nancy Naomi Natalia Natalie Natalya Natasha Nicole Nina
Noor Nora Nuria Oksana Olena Olga Olivia Oriana Paola Patricia Paula Paulina Pauline Petra Pia Pilar Priya Rachel Rana Rebecca Renata
Rita Roberta Rosa Rosalind Rosemary Roxana Ruth Sabine Sabrina Samantha Sandra Sara Sarah Saskia Selin Serena Shirin Sigrid Silke Silvia
Simone Sinead Siobhan Sofie Solveig Sonia Sonja Sophia Sophie Stefanie Stephanie Susan Susanne Suzanne Svetlana Svitlana Sylvia Tamara Tanja
Tatiana Tatyana Teresa Theresa Tina Ulla Ursula Valentina Valeria Valerie Vanessa Vera Veronica Veronika Victoria Viktoria Vivian Wanda Wendy
Wilhelmina Yana Yasmin Yelena Yulia Yuliia Yvonne Zainab Zeynep Zoe Zofia Zuzana
`)

/** First names usually given to men. */
export const MALE_FIRST_NAMES = words(`
Aaron Abdul Abdullah Adam Adrian Ahmad Ahmed Alain Alan Albert Alberto Aleksander Aleksandr Aleksei Alessandro Alexander Alexandre Alexei
Alexey Alfonso Alfred Ali Amir Anatoly Anders Andre Andreas Andrei Andrew Andrii Andriy Andrzej Anthony Anton Antonio Antony Arash Arkady
Arne Arnold Arseniy Arthur Arturo Axel Bartosz Benedikt Benjamin Bernard Bernd Bjorn Björn Bogdan Boris Brandon Brian Bruno Carl Carlos
Cedric Charles Christian Christoph Christopher Claude Colin Conor Constantin Cristian Damian Daniel Dariusz David Declan Denis Dennis Denys
Diego Dieter Dmitri Dmitriy Dmitry Dmytro Dominik Donald Douglas Duncan Edgar Edmund Eduard Eduardo Edward Elias Emil Emilio Emmanuel Enrique
Erik Ernst Esteban Evgeny Fabian Farid Federico Felix Ferdinand Fernando Filip Florian Francesco Francis Francisco Frederik Friedrich
Fyodor Gareth Gennady Georg George Georgy Gerald Gerhard Giovanni Giuseppe Gonzalo Gregor Gregory Guillaume Gunnar Gustav Hakan Hamid Hans
Harald Harry Hassan Heinrich Heinz Helmut Henrik Henry Herbert Hiroshi Hugo Hussein Ibrahim Igor Ilya Ivan Jacob Jakob Jakub James Jaroslav
Javier Jeffrey Jens Jeremy Jerome Joachim Johan Johann Johannes John Jonas Jonathan Jorge Jose Josef Joseph Juan Julian Julius Jurgen Jürgen
Kamil Karim Karl Kasper Kenneth Khalid Kirill Klaus Konrad Konstantin Krzysztof Kurt Lars Laurent Leon Leonardo Leonid Leopold Lev Liam
Lorenzo Luca Lucas Ludwig Luigi Luis Lukas Magnus Mahmoud Marcel Marco Marcus Mario Marius Markus Martin Mateusz Matteo Matthew Matthias Mats
Maurice Max Maxim Maximilian Mehmet Michael Michel Miguel Mikhail Miroslav Mohamed Mohammad Mohammed Muhammad Mustafa Nathan Nicholas
Niklas Nikolai Nikolay Nils Norbert Oleg Oleksandr Oleksii Oleksiy Olaf Oliver Omar Oscar Oskar Otto Owen Pablo Patrick Paul Pavel Pedro 
Peter Petr Petro Philip Philipp Pierre Piotr Rafael Rainer Ralph Rashid Raymond Reza Richard Robert Roberto Rodrigo Roland Rolf Roman Rudolf
Ruslan Rustem Salvatore Samuel Sandro Sebastian Sergei Sergey Serhii Serhiy Simon Stanislav Stefan Stephen Steven Sven Taras
Theo Theodor Thomas Thorsten Timothy Tobias Tomas Tomasz Torsten Ulf Umar Valery Vasily Vasyl Viktor Vincent Vitali Vitaly Vladimir
Vladislav Volker Volodymyr Vyacheslav Walter Werner Wilhelm William Wojciech Wolfgang Xavier Yevgeny Yosef Youssef Yuri Yuriy Yury Yusuf
Zbigniew Zoltan
`)

/** Role words that say a person is a woman or a man ("spokeswoman", "Mrs.", "congressman"). */
const FEMALE_ROLE = /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|policewoman|mrs|ms|madam|queen|princess|duchess|lady|dame|mother|daughter|sister|wife|grandmother|widow|actress)\b/i
const MALE_ROLE = /\b(?:spokesman|chairman|congressman|businessman|policeman|mr|sir|king|prince|duke|lord|father|son|brother|husband|grandfather|widower|actor)\b/i

/**
 * Familiar English forms of given names, for gender only: kept out of the first-name lists that
 * find names, where words like "Mark" or "Ben" would find more than names.
 */
const FAMILIAR_MALE = words(`
Tim Timmy Jim Jimmy Bob Bobby Bill Billy Chuck Mike Tom Tommy Joe Joey Dan Danny Dave Steve Stevie Rick Ricky Ted Teddy Ed Eddie
Mitch Pete Jon Mark Matt Ben Sam Tony Andy Greg Jeff Ron Ronald Ronnie Donny Doug Ken Kenny Larry Nick Phil Todd Bruce Kevin Glenn Howard
Hank Jerry Gerry Zach Zack Robbie Willie Fred Freddie Lenny Josh
Bo Al Hal Ray Roy Ian Neil Don Jack Rob Mitt Newt Rand Jeb Bernie Barack Dick Eric Darrell Jason Trey Reince Sean Wayne Keith Gary Craig
Scott Brett Brad Chad Kyle Derek Randy Rodney Russell Stanley Terry Travis Troy Wesley Marvin Lamar Orrin Harold Dwight Elijah Jared Mick
`)
const FAMILIAR_FEMALE = words(`
Debbie Jen Jenny Susie Maggie Peggy Patty Trish Kelly Kimberly Liz Lizzie Beth Betsy Betty Becky Kathy Katie Cathy Vicky Abby
Ann Sue Meg Pam Joan Rose Grace Clare Eve Lynn Gail Jill Judy Diane Dianne Nikki Kamala Marsha Maxine Loretta Tammy Sheila Debra Brenda
Cheryl Shirley Gloria Doris Lois Marilyn Kristen Kirsten Heather Amber Tiffany Crystal Megan Lauren Ashley Brittany Stacey Wanda
`)

/**
 * Names of the lists above that are also given to the other gender often enough for news to name
 * both ("Hilary Benn", "Hilary Shelton"; "Dana White"): they find a person, they tell no gender.
 */
const EITHER_GENDER = words(`Hilary Dana`)

/** The gender a name (or the role written with it) points to, when it points to one. */
export function genderOf(name: string, role?: string): 'female' | 'male' | null {
const first = name.split(' ', 1)[0]
if (EITHER_GENDER.has(first)) return role && FEMALE_ROLE.test(role) ? 'female' : role && MALE_ROLE.test(role) ? 'male' : null
if (FEMALE_FIRST_NAMES.has(first) || FAMILIAR_FEMALE.has(first)) return 'female'
if (MALE_FIRST_NAMES.has(first) || FAMILIAR_MALE.has(first)) return 'male'
if (role && FEMALE_ROLE.test(role)) return 'female'
if (role && MALE_ROLE.test(role)) return 'male'
return null
}
