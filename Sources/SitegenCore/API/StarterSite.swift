/// The site `sitegen init` creates: small, but it builds and shows the main features (sections, a paginated blog
/// with tags, a page bundle, links between pages, data files, a static file, a template override).
public enum StarterSite {
    /// Why the starter site could not be created.
    public struct Error: Swift.Error {
        public var message: String
    }

    /// Creates the starter site in `directory`, which must be missing or empty; returns the number of files.
    @discardableResult
    public static func create(at directory: String, fileSystem: FileSystem) throws(Error) -> Int {
        if fileSystem.exists(directory) {
            guard fileSystem.isDirectory(directory) else { throw Error(message: "'\(directory)' exists and is not a folder") }
            let entries = (try? fileSystem.entries(of: directory)) ?? []
            guard entries.isEmpty else { throw Error(message: "'\(directory)' is not empty; choose a new or empty folder") }
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            do {
                try fileSystem.writeAtomically(Array(text.utf8), to: joinPath(directory, path))
            } catch {
                throw Error(message: "cannot write \(path): \(error)")
            }
        }
        return files.count
    }

    static let files: [String: String] = [
        "sitegen.toml": """
            title = "My new site"
            base_url = "https://example.com"
            description = "A site built with sitegen."
            author = "Me"
            language = "en"

            [build]
            paginate = 5
            taxonomies = ["tags"]

            [[menu]]
            name = "Blog"
            url = "/blog/"
            weight = 1

            [[menu]]
            name = "About"
            url = "/about/"
            weight = 2

            [[menu]]
            name = "Tags"
            url = "/tags/"
            weight = 3

            [extra]
            tagline = "Notes, built fast."

            """,
        "content/_index.md": """
            ---
            title: Welcome
            description: The home page of my new site.
            ---
            This site was created by `sitegen init`. Edit `content/_index.md` to change this text, read
            [the first post](blog/first-post.md), or learn [about this site](about.md).

            """,
        "content/about.md": """
            ---
            title: About
            description: What this site is.
            ---
            A page at the top level of `content/` becomes `/about/`.

            ## Where things live

            | Folder | What it holds |
            |---|---|
            | `content/` | Markdown pages with front matter |
            | `templates/` | Your overrides of the built-in theme |
            | `assets/` | CSS, JavaScript and images used by templates |
            | `static/` | Files copied as they are |
            | `data/` | YAML, TOML and JSON for templates |

            The [first post](blog/first-post.md#what-next) says what to try next.

            """,
        "content/blog/_index.md": """
            ---
            title: Blog
            description: Posts, newest first.
            sort_by: date
            ---
            Every post in `content/blog/` is listed here, newest first.

            """,
        "content/blog/first-post.md": """
            ---
            title: My first post
            date: 2026-01-15
            tags: [welcome, howto]
            description: How this site is put together.
            ---
            This is the first post. The paragraph before the marker below is the summary shown in lists.

            <!--more-->

            ## What next

            - [x] Build the site with `sitegen build`
            - [ ] Write a post of your own in `content/blog/`
            - [ ] Override a template by copying it into `templates/`

            Links between pages are written to the markdown files, like [the about page](../about.md), and sitegen
            turns them into URLs.

            """,
        "content/blog/second-post.md": """
            ---
            title: A second post
            date: 2026-02-01
            tags: [howto]
            ---
            Posts are sorted by date. Tags get their own pages, under [/tags/](/tags/).

            ```swift
            print("Hello from a code block")
            ```

            """,
        "content/blog/photo-post/index.md": """
            ---
            title: A page bundle
            date: 2026-03-10
            tags: [welcome]
            ---
            A folder with an `index.md` is a page bundle: its other files are published beside the page.

            ![A simple drawing](drawing.svg)

            """,
        "content/blog/photo-post/drawing.svg": """
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" rx="8" fill="#3b6ea5"/><circle cx="30" cy="30" r="14" fill="#fff"/></svg>

            """,
        "data/links.yaml": """
            - name: sitegen documentation
              url: https://example.com/docs/

            """,
        // Server configurations for the output, tested against real nginx and Caddy (DeployTests): they send the
        // precompressed siblings, cache fingerprinted assets for a year and revalidate everything else.
        "deploy/nginx.conf": #"""
            # nginx: serve public/ as sitegen builds it. Put this in /etc/nginx/sites-enabled/ and set server_name,
            # listen (add TLS) and root. brotli_static needs Debian's libnginx-mod-http-brotli-static.
            server {
                listen 80;
                server_name example.com;
                root /var/www/example.com/public;
                index index.html;

                # Send index.html.br or index.html.gz when the client accepts them, with Vary: Accept-Encoding.
                brotli_static on;
                gzip_static on;
                gzip_vary on;

                error_page 404 /404.html;

                location / {
                    try_files $uri $uri/ =404;
                    add_header Cache-Control "no-cache";
                }

                # Fingerprinted assets (name.<16 hex digits>.ext) never change under their name.
                location ~ "\.[0-9a-f]{16}\.[A-Za-z0-9]+$" {
                    add_header Cache-Control "public, max-age=31536000, immutable";
                }
            }

            """#,
        "deploy/Caddyfile": #"""
            # Caddy: serve public/ as sitegen builds it. Replace example.com and the root path.
            example.com {
                root * /var/www/example.com/public

                # Fingerprinted assets (name.<16 hex digits>.ext) never change under their name.
                @fingerprinted path_regexp \.[0-9a-f]{16}\.[A-Za-z0-9]+$
                @mutable not path_regexp \.[0-9a-f]{16}\.[A-Za-z0-9]+$
                header @fingerprinted Cache-Control "public, max-age=31536000, immutable"
                header @mutable Cache-Control "no-cache"

                # Send the .br and .gz siblings when the client accepts them; caches must know that answers vary.
                header Vary Accept-Encoding
                file_server {
                    precompressed br gzip
                }

                handle_errors {
                    @notfound expression {err.status_code} == 404
                    handle @notfound {
                        rewrite * /404.html
                        file_server {
                            precompressed br gzip
                        }
                    }
                }
            }

            """#,
        "static/favicon.svg": """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3b6ea5"/></svg>

            """,
    ]
}
