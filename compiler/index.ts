/** The compiler: the agreement as Markdown, HTML and PDF, from the checked model. */
export {};
